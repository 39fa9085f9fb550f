import type * as decoding from 'lib0/decoding';
import type { DocProvider } from './doc-provider.ts';
import type { RefusedChange } from '@concord/shared/access/guard-refusals.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { extensionType, readRefused } from '@concord/shared/sync/extensions.ts';

/** One thing the server undid, as the person is told of it until they dismiss it. */
export interface HeardRefusal {
  /** Stable while shown: the same refusal heard again keeps its place in the list. */
  id: string;
  change: RefusedChange;
  /** How many times it was heard since it was last dismissed (each keystroke of a refused edit is one). */
  times: number;
}

/** At most this many refusals are kept for a document; the oldest go first. */
const keptRefusals = 5;

const refusalId = (change: RefusedChange) => `${change.reason}|${change.field}|${change.step ?? ''}`;

const none: readonly HeardRefusal[] = [];

/**
 * What the server undid of this device's edits, and why, by document (SPEC A-GUARD-2, W-REFUSE-1). Kept for the
 * visit, not per socket: an edit made offline may be sent, and refused, while the case is not on screen (the
 * outbox sends it), and its page says so when it is opened. The documents need nothing more: the server's
 * compensating update has already undone the change. What is kept here is only what the person is told.
 */
export class RefusalLog {
  readonly #listeners = new Set<() => void>();
  #heard = new Map<DocName, readonly HeardRefusal[]>();
  /** How many pages show each document's refusals now. */
  readonly #watched = new Map<DocName, number>();
  /** Called when a refusal is heard for a document no page shows (the outbox sent it). */
  onUnwatched: (name: DocName) => void = () => undefined;

  /** A page shows the document's refusals until the returned function is called. */
  watch(name: DocName): () => void {
    this.#watched.set(name, (this.#watched.get(name) ?? 0) + 1);
    let watching = true;
    return () => {
      if (!watching) return;
      watching = false;
      const left = (this.#watched.get(name) ?? 1) - 1;
      if (left > 0) this.#watched.set(name, left);
      else this.#watched.delete(name);
    };
  }

  /** Reads message 102 from `provider`'s socket into this log, under `name`. */
  listen(provider: DocProvider, name: DocName): void {
    provider.messageHandlers[extensionType.refused] = (_encoder, decoder: decoding.Decoder) => {
      const refused = readRefused(decoder);
      if (refused === null) {
        console.warn('the server sent a refusal this version cannot read', name);
        return;
      }
      this.hear(name, refused);
    };
  }

  /** What the server undid of the document and the person has not dismissed, newest first. */
  heardFor(name: DocName): readonly HeardRefusal[] {
    return this.#heard.get(name) ?? none;
  }

  /** Notes refused changes; the same reason for the same field and step is one entry, counted again. */
  hear(name: DocName, changes: readonly RefusedChange[]): void {
    if (changes.length === 0) return;
    let heard = [...this.heardFor(name)];
    for (const change of changes) {
      const id = refusalId(change);
      const before = heard.find((entry) => entry.id === id);
      heard = [{ id, change, times: (before?.times ?? 0) + 1 }, ...heard.filter((entry) => entry.id !== id)];
    }
    this.#heard.set(name, heard.slice(0, keptRefusals));
    this.#emit();
    if (!this.#watched.has(name)) this.onUnwatched(name);
  }

  dismiss(name: DocName, id: string): void {
    const before = this.heardFor(name);
    const heard = before.filter((entry) => entry.id !== id);
    if (heard.length === before.length) return;
    if (heard.length === 0) this.#heard.delete(name);
    else this.#heard.set(name, heard);
    this.#emit();
  }

  /** Another person signs in on this device: what was undone of the last one's edits is theirs, not this one's. */
  clear(): void {
    if (this.#heard.size === 0) return;
    this.#heard = new Map();
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
