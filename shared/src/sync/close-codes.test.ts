import { describe, expect, it } from 'vitest';
import { closeCode } from './close-codes.ts';

// y-websocket 3 gives up reconnecting after a close code in this range, and retries after any other
const stockClientGivesUp = (code: number) => code >= 4400 && code < 4500;

describe('close codes', () => {
  it('S-WIRE-5: every code has one name, and no two names share a code', () => {
    const codes = Object.values(closeCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('S-WIRE-5: refusals make a stock client stop; a restart or a busy server makes it come back', () => {
    const refusals = [
      closeCode.unauthorized,
      closeCode.forbidden,
      closeCode.badDocName,
      closeCode.malformedMessage,
      closeCode.unknownMessageType,
      closeCode.invalidUpdate,
      closeCode.tooMuchEarly,
      closeCode.rateLimited,
    ];
    expect(refusals.filter((code) => !stockClientGivesUp(code))).toEqual([]);
    for (const comeBack of [closeCode.serviceRestart, closeCode.tryAgainLater, closeCode.goingAway]) {
      expect(stockClientGivesUp(comeBack)).toBe(false);
    }
  });
});
