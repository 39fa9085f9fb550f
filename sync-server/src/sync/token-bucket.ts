/** A message-rate limit (SPEC S-LIMIT-1): `rate` a second on average, bursts of twice that. */
export class TokenBucket {
  readonly #rate: number;
  #allowance: number;
  #at = performance.now();

  constructor(rate: number) {
    this.#rate = rate;
    this.#allowance = rate * 2;
  }

  /** Refills the bucket for the time passed and takes one message from it; false when it is empty. */
  take(): boolean {
    const now = performance.now();
    this.#allowance = Math.min(this.#rate * 2, this.#allowance + ((now - this.#at) / 1000) * this.#rate);
    this.#at = now;
    if (this.#allowance < 1) return false;
    this.#allowance -= 1;
    return true;
  }
}
