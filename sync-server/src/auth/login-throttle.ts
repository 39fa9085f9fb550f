/**
 * Counts failed sign-ins per account and per address over a sliding minute (SPEC A-AUTH-4). Past the limit,
 * sign-in is refused until the oldest failure leaves the window, whether the password is right or not.
 */
export class LoginThrottle {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #failures = new Map<string, number[]>();

  constructor(options: { limit?: number; windowMs?: number; now?: () => number } = {}) {
    this.#limit = options.limit ?? 10;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Seconds to wait before `keys` may try again, or 0 when they may try now. */
  retryAfter(keys: readonly string[]): number {
    const now = this.#now();
    let wait = 0;
    for (const key of keys) {
      const recent = this.#recent(key, now);
      const oldest = recent[0];
      if (recent.length >= this.#limit && oldest !== undefined) {
        wait = Math.max(wait, Math.ceil((oldest + this.#windowMs - now) / 1000));
      }
    }
    return wait;
  }

  failed(keys: readonly string[]): void {
    const now = this.#now();
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
  }

  succeeded(keys: readonly string[]): void {
    for (const key of keys) this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    const recent = (this.#failures.get(key) ?? []).filter((at) => at > now - this.#windowMs);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }
}
