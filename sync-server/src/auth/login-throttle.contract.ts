import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoginThrottle, ThrottleOptions } from './login-throttle.ts';

export interface OpenedThrottle {
  throttle: LoginThrottle;
  close(): Promise<void>;
}

/** What every login throttle must do, in memory and in Redis alike (SPEC A-AUTH-4, A-AUTH-6). */
export function loginThrottleContract(
  label: string,
  open: (options: Required<Pick<ThrottleOptions, 'now'>>) => Promise<OpenedThrottle>,
): void {
  describe(`login throttle contract: ${label}`, () => {
    let clock = 1_700_000_000_000;
    let opened: OpenedThrottle;
    beforeEach(async () => {
      clock = 1_700_000_000_000;
      opened = await open({ now: () => clock });
    });
    afterEach(async () => {
      await opened.close();
    });

    it('A-AUTH-4: ten failures in a minute make a key wait until the oldest leaves the minute', async () => {
      const { throttle } = opened;
      const keys = ['user:zhang', 'address:10.0.0.1'];
      for (let i = 0; i < 9; i++) {
        await throttle.failed(keys);
        clock += 1_000;
      }
      expect(await throttle.retryAfter(keys)).toBe(0);
      await throttle.failed(keys);
      // the first failure was 9 s ago: it leaves the minute in 51 s
      expect(await throttle.retryAfter(keys)).toBe(51);
      expect(await throttle.retryAfter(['user:li'])).toBe(0);
      clock += 51_000;
      expect(await throttle.retryAfter(keys)).toBe(0);
    });

    it('A-AUTH-4: a success clears the key it names and no other', async () => {
      const { throttle } = opened;
      for (let i = 0; i < 10; i++) await throttle.failed(['user:zhang', 'address:10.0.0.1']);
      await throttle.succeeded(['user:zhang']);
      expect(await throttle.retryAfter(['user:zhang'])).toBe(0);
      expect(await throttle.retryAfter(['address:10.0.0.1'])).toBe(60);
    });
  });
}
