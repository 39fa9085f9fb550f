import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect.ts';

describe('reconnect delay', () => {
  it('W-NET-1: grows with each failed attempt and stops growing at the cap', () => {
    const middle = () => 0.5;
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => reconnectDelay(n, middle));
    expect(delays.slice(0, 4)).toEqual([375, 750, 1500, 3000]);
    expect(delays.at(-1)).toBe(11_250);
    expect(reconnectDelay(50, middle)).toBe(11_250);
  });

  it('W-NET-1: spreads clients over the upper half of the step, never sooner', () => {
    expect(reconnectDelay(3, () => 0)).toBe(1000);
    expect(reconnectDelay(3, () => 0.999999)).toBeCloseTo(2000, 0);
    // a thousand phones coming back after a restart do not all pick the same moment
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const moments = new Set(Array.from({ length: 1000 }, () => Math.round(reconnectDelay(4, random))));
    expect(moments.size).toBeGreaterThan(500);
  });
});
