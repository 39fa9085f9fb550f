import { createSubscriber } from 'svelte/reactivity';

/**
 * The time, read reactively: a reader re-runs every `everyMs` while anyone reads it, and no timer runs when
 * nobody does. Due-soon and overdue are worked out from it at the moment of asking (SPEC C-FLOW-8).
 */
export class Clock {
  readonly #subscribe: () => void;

  constructor(everyMs: number) {
    this.#subscribe = createSubscriber((update) => {
      const timer = setInterval(update, everyMs);
      return () => clearInterval(timer);
    });
  }

  get now(): number {
    this.#subscribe();
    return Date.now();
  }
}

/** Deadlines are counted in days: a reading a minute old is fresh enough. */
export const minuteClock = new Clock(60_000);
