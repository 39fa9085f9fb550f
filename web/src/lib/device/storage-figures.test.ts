import { describe, expect, it } from 'vitest';
import { formatBytes, shownFigures } from './storage-figures.ts';

describe('storage figures on the account page', () => {
  it('W-STORE-1: sizes in the reader’s language, in the unit a phone shows', () => {
    expect(formatBytes(0, 'en')).toBe('0 kB');
    expect(formatBytes(1_500, 'en')).toBe('1.5 kB');
    expect(formatBytes(12_345, 'en')).toBe('12.3 kB');
    expect(formatBytes(12_345_678, 'en')).toBe('12.3 MB');
    expect(formatBytes(2_100_000_000, 'zh-CN')).toBe('2.1 GB');
    expect(formatBytes(1_234_567_890_123, 'en')).toBe('1.2 TB');
    expect(formatBytes(-5, 'en')).toBe('0 kB');
  });

  it('W-STORE-1: available is what the quota leaves; unknown parts stay unknown', () => {
    expect(shownFigures({ persisted: true, usage: 2_000_000, quota: 10_000_000 }, 'en')).toEqual({
      used: '2 MB',
      available: '8 MB',
    });
    expect(shownFigures({ persisted: null, usage: null, quota: null }, 'zh-CN')).toEqual({
      used: null,
      available: null,
    });
  });
});
