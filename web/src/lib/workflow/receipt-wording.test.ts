import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../i18n/translate.ts';
import { receiptLine, type ReceiptSpeaker } from './receipt-wording.ts';

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
});

const stepAt = Date.UTC(2026, 10, 29, 10, 30);
const receivedAt = Date.UTC(2026, 10, 29, 10, 32);

describe('receipts in words', () => {
  it('W-RECEIPT-1: a step the server received says when, in both languages', () => {
    const receipt = { at: receivedAt, by: 'demo-cadre1' };
    expect(receiptLine(receipt, stepAt, false, speaker('zh-CN'))).toBe('已送达服务器 10:32');
    expect(receiptLine(receipt, stepAt, true, speaker('en'))).toBe('reached the server 10:32');
  });

  it('W-RECEIPT-1: a step that reached the server on another day says the date too', () => {
    const receipt = { at: receivedAt + 3 * 24 * 3600_000, by: 'demo-cadre1' };
    expect(receiptLine(receipt, stepAt, true, speaker('en'))).toBe('reached the server Dec 2, 2026, 10:32');
    expect(receiptLine(receipt, stepAt, true, speaker('zh-CN'))).toBe('已送达服务器 2026年12月2日 10:32');
  });

  it('W-RECEIPT-1: a step with no receipt says it has not reached the server, unless the server has everything', () => {
    expect(receiptLine(undefined, stepAt, false, speaker('zh-CN'))).toBe('服务器尚未收到');
    expect(receiptLine(undefined, stepAt, false, speaker('en'))).toBe('not yet received by the server');
    expect(receiptLine(undefined, stepAt, true, speaker('en'))).toBeNull();
  });
});
