/**
 * Counts failed sign-ins per account and per address over a sliding minute (SPEC A-AUTH-4). Past the limit,
 * sign-in is refused until the oldest failure leaves the window, whether the password is right or not. One
 * implementation in memory (one machine), one in Redis (every instance counts the same failures, SPEC A-AUTH-6).
 */
export interface LoginThrottle {
  /** Seconds to wait before `keys` may try again, or 0 when they may try now. */
  retryAfter(keys: readonly string[]): Promise<number>;
  failed(keys: readonly string[]): Promise<void>;
  succeeded(keys: readonly string[]): Promise<void>;
}

export interface ThrottleOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

export const defaultThrottle = { limit: 10, windowMs: 60_000 } as const;

/** Seconds until the oldest of `limit` recent failures leaves the window; 0 below the limit. */
export function waitFor(
  count: number,
  oldest: number | undefined,
  now: number,
  options: Required<ThrottleOptions>,
) {
  if (count < options.limit || oldest === undefined) return 0;
  return Math.max(0, Math.ceil((oldest + options.windowMs - now) / 1000));
}

/** The failures of this instance alone, in memory. */
export class MemoryLoginThrottle implements LoginThrottle {
  readonly #options: Required<ThrottleOptions>;
  readonly #failures = new Map<string, number[]>();

  constructor(options: ThrottleOptions = {}) {
    this.#options = { ...defaultThrottle, now: Date.now, ...options };
  }

  retryAfter(keys: readonly string[]): Promise<number> {
    const now = this.#options.now();
    let wait = 0;
    for (const key of keys) {
      const recent = this.#recent(key, now);
      wait = Math.max(wait, waitFor(recent.length, recent[0], now, this.#options));
    }
    return Promise.resolve(wait);
  }

  failed(keys: readonly string[]): Promise<void> {
    const now = this.#options.now();
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
    return Promise.resolve();
  }

  succeeded(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.#failures.delete(key);
    return Promise.resolve();
  }

  #recent(key: string, now: number): number[] {
    const recent = (this.#failures.get(key) ?? []).filter((at) => at > now - this.#options.windowMs);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }
}
