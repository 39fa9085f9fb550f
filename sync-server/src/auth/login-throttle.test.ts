import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { loginThrottleContract } from './login-throttle.contract.ts';
import { MemoryLoginThrottle } from './login-throttle.ts';
import { RedisLoginThrottle } from './redis-login-throttle.ts';

/** The Redis every machine runs; `.ci/run` starts it if it is down. */
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

loginThrottleContract('memory', (options) =>
  Promise.resolve({ throttle: new MemoryLoginThrottle(options), close: () => Promise.resolve() }),
);

loginThrottleContract('Redis', async (options) => {
  // a prefix of its own per test, so tests never count each other's failures
  const errors: unknown[] = [];
  const throttle = await RedisLoginThrottle.connect(redisUrl, (error) => errors.push(error), {
    ...options,
    prefix: `concord-test-${randomUUID()}`,
  });
  return {
    throttle,
    async close() {
      await throttle.close();
      expect(errors).toEqual([]);
    },
  };
});
