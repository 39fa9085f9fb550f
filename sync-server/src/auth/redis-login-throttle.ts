import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { defaultThrottle, waitFor, type LoginThrottle, type ThrottleOptions } from './login-throttle.ts';

const makeClient = (url: string) => createClient({ url });
type RedisClient = ReturnType<typeof makeClient>;

/**
 * Failed sign-ins counted in Redis, one sorted set of failure times per key, so that every instance behind a load
 * balancer refuses the eleventh attempt alike (SPEC A-AUTH-6).
 */
export class RedisLoginThrottle implements LoginThrottle {
  readonly #client: RedisClient;
  readonly #prefix: string;
  readonly #options: Required<ThrottleOptions>;

  private constructor(client: RedisClient, prefix: string, options: Required<ThrottleOptions>) {
    this.#client = client;
    this.#prefix = prefix;
    this.#options = options;
  }

  static async connect(
    url: string,
    onError: (error: unknown) => void,
    options: ThrottleOptions & { prefix?: string } = {},
  ): Promise<RedisLoginThrottle> {
    const client = makeClient(url);
    client.on('error', onError);
    await client.connect();
    const { prefix = 'concord', ...throttle } = options;
    return new RedisLoginThrottle(client, prefix, { ...defaultThrottle, now: Date.now, ...throttle });
  }

  async retryAfter(keys: readonly string[]): Promise<number> {
    const now = this.#options.now();
    let wait = 0;
    for (const key of keys) {
      const set = this.#key(key);
      const [, count, oldest] = await this.#client
        .multi()
        .zRemRangeByScore(set, '-inf', now - this.#options.windowMs)
        .zCard(set)
        .zRangeWithScores(set, 0, 0)
        .exec();
      const first = Array.isArray(oldest) ? (oldest[0] as { score: number } | undefined) : undefined;
      wait = Math.max(wait, waitFor(Number(count), first?.score, now, this.#options));
    }
    return wait;
  }

  async failed(keys: readonly string[]): Promise<void> {
    const now = this.#options.now();
    const multi = this.#client.multi();
    for (const key of keys) {
      // a member of its own per failure: two at the same millisecond are two failures
      multi.zAdd(this.#key(key), { score: now, value: `${now}:${randomUUID()}` });
      multi.pExpire(this.#key(key), this.#options.windowMs);
    }
    await multi.exec();
  }

  async succeeded(keys: readonly string[]): Promise<void> {
    await this.#client.del(keys.map((key) => this.#key(key)));
  }

  async close(): Promise<void> {
    await this.#client.close();
  }

  #key(key: string): string {
    return `${this.#prefix}:login-failures:${key}`;
  }
}
