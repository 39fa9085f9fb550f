import { describe, expect, it } from 'vitest';
import { fitCloseReason, maxCloseReasonBytes } from './sync-socket.ts';

describe('fitCloseReason', () => {
  it('S-WIRE-2: keeps a reason that fits as it is', () => {
    expect(fitCloseReason('unknown message type 7')).toBe('unknown message type 7');
    const exact = 'x'.repeat(maxCloseReasonBytes);
    expect(fitCloseReason(exact)).toBe(exact);
  });

  it.each([
    ['ASCII', `update does not decode: ${'x'.repeat(200)}`],
    ['three-byte characters', `update does not decode: Unexpected token '案', "${'案'.repeat(60)}"`],
    ['four-byte characters', `unreadable awareness update: ${'𝄞'.repeat(60)}`],
    ['a lone surrogate', `${'a'.repeat(118)}\ud800${'b'.repeat(20)}`],
  ])('S-WIRE-2: shortens a reason of %s to fit a close frame, whole characters only', (_label, reason) => {
    const fitted = fitCloseReason(reason);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(maxCloseReasonBytes);
    expect(Buffer.byteLength(fitted)).toBeGreaterThan(maxCloseReasonBytes - 8);
    expect(fitted.endsWith('…')).toBe(true);
    expect(reason.startsWith(fitted.slice(0, -1))).toBe(true);
    // no half of a surrogate pair left at the cut
    expect(fitted.slice(0, -1)).not.toMatch(/[\ud800-\udbff]$/);
  });
});
