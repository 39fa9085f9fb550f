import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../i18n/translate.ts';
import { receiptLine, type ReceiptSpeaker } from './receipt-wording.ts';

const names = new Map([
  ['demo-cadre1', '江亭村 陈书记'],
  ['demo-grid1', '江亭村 网格员小李'],
]);

const speaker = (locale: Locale): ReceiptSpeaker => ({
  t: translate.bind(null, locale),
  date: (ms) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms),
  time: (ms) =>
    new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
      timeZone: 'UTC',
    }).format(ms),
  name: (id) => names.get(id) ?? id,
});

const step = { at: Date.UTC(2026, 10, 29, 10, 30), by: 'demo-cadre1' };
const receivedAt = Date.UTC(2026, 10, 29, 10, 32);

describe('receipts in words', () => {
  it('W-RECEIPT-1: a step the server received says when, in both languages', () => {
    const receipt = { at: receivedAt, by: 'demo-cadre1' };
    expect(receiptLine(receipt, step, false, speaker('zh-CN'))).toBe('已送达服务器 10:32');
    expect(receiptLine(receipt, step, true, speaker('en'))).toBe('reached the server 10:32');
  });

  it('W-RECEIPT-1: a step delivered by another account than the one it names says who sent it', () => {
    const receipt = { at: receivedAt, by: 'demo-grid1' };
    expect(receiptLine(receipt, step, true, speaker('zh-CN'))).toBe('已由江亭村 网格员小李送达服务器 10:32');
    expect(receiptLine(receipt, step, true, speaker('en'))).toBe(
      'reached the server 10:32, sent by 江亭村 网格员小李',
    );
  });

  it('W-RECEIPT-1: a step that reached the server on another day says the date too', () => {
    const receipt = { at: receivedAt + 3 * 24 * 3600_000, by: 'demo-cadre1' };
    expect(receiptLine(receipt, step, true, speaker('en'))).toBe('reached the server Dec 2, 2026, 10:32');
    expect(receiptLine(receipt, step, true, speaker('zh-CN'))).toBe('已送达服务器 2026年12月2日 10:32');
  });

  it('W-RECEIPT-1: a step with no receipt says it has not reached the server, unless the server has it', () => {
    expect(receiptLine(undefined, step, false, speaker('zh-CN'))).toBe('服务器尚未收到');
    expect(receiptLine(undefined, step, false, speaker('en'))).toBe('not yet received by the server');
    expect(receiptLine(undefined, step, true, speaker('en'))).toBeNull();
  });
});
