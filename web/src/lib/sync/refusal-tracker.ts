import type * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import type { RefusedChange } from '@concord/shared/access/guard-refusals.ts';
import { extensionType, readRefused } from '@concord/shared/sync/extensions.ts';

/** One thing the server undid, as the person is told of it until they dismiss it. */
export interface HeardRefusal {
  /** Stable while shown: the same refusal heard again keeps its place in the list. */
  id: string;
  change: RefusedChange;
  /** How many times it was heard since it was last dismissed (each keystroke of a refused edit is one). */
  times: number;
}

/** At most this many refusals are kept on screen; the oldest go first. */
const keptRefusals = 5;

const refusalId = (change: RefusedChange) => `${change.reason}|${change.field}|${change.step ?? ''}`;

/**
 * Listens for the server's `refused` message (102): what it undid of this device's update, and why (SPEC
 * A-GUARD-2, W-REFUSE-1). The document needs nothing more: the server's compensating update has already undone
 * the change. What is kept here is only what the person is told, until they dismiss it.
 */
export class RefusalTracker {
  readonly #listeners = new Set<() => void>();
  #heard: readonly HeardRefusal[] = [];

  constructor(provider: WebsocketProvider) {
    provider.messageHandlers[extensionType.refused] = (_encoder, decoder: decoding.Decoder) => {
      const refused = readRefused(decoder);
      if (refused === null) {
        console.warn('the server sent a refusal this version cannot read');
        return;
      }
      this.hear(refused);
    };
  }

  /** What the server undid and the person has not dismissed, newest first. */
  get heard(): readonly HeardRefusal[] {
    return this.#heard;
  }

  /** Notes refused changes; the same reason for the same field and step is one entry, counted again. */
  hear(changes: readonly RefusedChange[]): void {
    if (changes.length === 0) return;
    let heard = [...this.#heard];
    for (const change of changes) {
      const id = refusalId(change);
      const before = heard.find((entry) => entry.id === id);
      heard = [{ id, change, times: (before?.times ?? 0) + 1 }, ...heard.filter((entry) => entry.id !== id)];
    }
    this.#heard = heard.slice(0, keptRefusals);
    this.#emit();
  }

  dismiss(id: string): void {
    const heard = this.#heard.filter((entry) => entry.id !== id);
    if (heard.length === this.#heard.length) return;
    this.#heard = heard;
    this.#emit();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
