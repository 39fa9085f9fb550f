import * as Y from 'yjs';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { emptyKeptState, KeptDoc, mayHoldUnsent, type KeptState } from './kept-doc.ts';
import type { LocalCopy } from './local-copy.ts';
import type { PatchIndex } from './patch-index.ts';

/** What the keeper needs of the multiplexed socket (SPEC S-MUX-1): channels, as the socket's client offers them. */
export interface KeeperChannel {
  readonly open: boolean;
  send(message: Uint8Array): void;
  reopen(): void;
  release(): void;
}
export interface KeeperSocket {
  channel(
    name: DocName,
    handler: {
      opening(): { flags: number; stateVector: Uint8Array };
      message(message: Uint8Array): void;
      closed(code: number, reason: string, byServer: boolean): void;
    },
  ): KeeperChannel;
}

export interface PatchProgress {
  /** Documents the device is to keep. */
  wanted: number;
  /** Of those, how many have a copy on the device. */
  held: number;
  /** Of those, how many are up to date with the server since the socket last connected. */
  upToDate: number;
  /** Bytes written to the copies, as far as the keeper knows. */
  bytes: number;
}

interface Kept {
  doc: KeptDoc;
  channel: KeeperChannel | null;
  retry: ReturnType<typeof setTimeout> | null;
}

/**
 * Keeps every document of the person's patch on the device and in sync in the background, over the one socket
 * every document shares (SPEC W-PATCH-1, W-PATCH-2): a channel per document no page has open; a page that opens
 * one takes it over, and gives it back when it closes. Nothing is loaded into memory: updates go to the copies.
 */
export class PatchKeeper {
  readonly #socket: KeeperSocket;
  readonly #index: PatchIndex;
  readonly #copyOf: (name: DocName) => LocalCopy;
  readonly #deleteCopy: (name: DocName) => Promise<void>;
  readonly #onRefused: (name: DocName) => void;
  readonly #retryMs: () => number;
  readonly #existingCopies: () => Promise<ReadonlySet<string>>;
  readonly #kept = new Map<DocName, Kept>();
  /** Documents a page holds now: the page's own channel syncs them. */
  readonly #inPages = new Set<DocName>();
  readonly #listeners = new Set<() => void>();
  #states: Map<DocName, KeptState> | null = null;
  #loading: Promise<Map<DocName, KeptState>> | null = null;
  readonly #dirty = new Map<DocName, KeptState>();
  #flush: ReturnType<typeof setTimeout> | null = null;
  #notify: ReturnType<typeof setTimeout> | null = null;
  #wanted: readonly DocName[] = [];
  #stopped = false;

  constructor(options: {
    socket: KeeperSocket;
    index: PatchIndex;
    copyOf: (name: DocName) => LocalCopy;
    deleteCopy: (name: DocName) => Promise<void>;
    /** The server says the document is not the person's (4403): the app decides what goes. */
    onRefused: (name: DocName) => void;
    /** How long to wait before opening again a document the server could not serve now (1011, 1013). */
    retryMs?: () => number;
    /** Names of the copies on the device, kept before the index knew of them (a page opened them). */
    existingCopies?: () => Promise<ReadonlySet<string>>;
  }) {
    this.#existingCopies = options.existingCopies ?? (() => Promise.resolve(new Set<string>()));
    this.#socket = options.socket;
    this.#index = options.index;
    this.#copyOf = options.copyOf;
    this.#deleteCopy = options.deleteCopy;
    this.#onRefused = options.onRefused;
    this.#retryMs = options.retryMs ?? (() => 5000 + Math.random() * 10_000);
  }

  get progress(): PatchProgress {
    let held = 0;
    let upToDate = 0;
    let bytes = 0;
    for (const name of this.#wanted) {
      const kept = this.#kept.get(name);
      const state = kept?.doc.state ?? this.#states?.get(name);
      // an empty state vector is one byte
      if (state && state.stateVector.length > 1) held++;
      if (this.#inPages.has(name) || kept?.doc.upToDate) upToDate++;
      bytes += state?.bytes ?? 0;
    }
    return { wanted: this.#wanted.length, held, upToDate, bytes };
  }

  /** Bytes written to a kept document's copy, as far as the keeper knows; 0 for one it does not keep. */
  keptBytes(name: DocName): number {
    return (this.#kept.get(name)?.doc.state ?? this.#states?.get(name))?.bytes ?? 0;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The documents to keep: new ones are fetched, ones no longer wanted stop syncing and their copies go, unless
   * they may hold edits the server lacks (nothing typed is lost).
   */
  async keep(names: Iterable<DocName>): Promise<void> {
    const wanted = [...new Set(names)];
    this.#wanted = wanted;
    const states = await this.#load();
    if (this.#halted() || this.#wanted !== wanted) return;
    const keep = new Set(wanted);
    for (const [name, kept] of this.#kept) {
      if (keep.has(name)) continue;
      this.#let(name, kept);
      const state = kept.doc.state;
      if (!mayHoldUnsent(state)) {
        states.delete(name);
        await this.#index.remove(name);
        await this.#deleteCopy(name);
      }
    }
    const fresh = wanted.filter((name) => !this.#kept.has(name));
    const unindexed = fresh.filter((name) => !states.has(name));
    const onDevice = unindexed.length > 0 ? await this.#existingCopies() : new Set<string>();
    if (this.#halted() || this.#wanted !== wanted) return;
    for (const name of fresh) {
      if (this.#kept.has(name)) continue;
      if (onDevice.has(name) && !states.has(name)) {
        // a copy a page made: the server is asked only for what it lacks, and told what the copy has
        this.#take(name, emptyKeptState, false);
        void this.takeBack(name);
      } else this.#take(name, states.get(name) ?? emptyKeptState);
    }
    this.#changed();
  }

  /** A page opened the document: its channel syncs it now. */
  stepAside(name: DocName): void {
    this.#inPages.add(name);
    const kept = this.#kept.get(name);
    if (kept?.channel) {
      kept.channel.release();
      kept.channel = null;
    }
  }

  /**
   * The last page let the document go, perhaps with edits of its own: the copy is read again for its state
   * vector, and the channel asks the server for its state if anything may be unsent.
   */
  async takeBack(name: DocName): Promise<void> {
    this.#inPages.delete(name);
    const kept = this.#kept.get(name);
    if (!kept || kept.channel || this.#stopped) return;
    const stateVector = Y.encodeStateVectorFromUpdate(await this.#copyOf(name).read());
    if (this.#inPages.has(name) || this.#kept.get(name) !== kept || this.#halted()) return;
    const state = { ...kept.doc.state, stateVector };
    this.#replaceDoc(name, kept, state);
    this.#open(name, kept);
  }

  /** Resolves when every message received so far is on the device, and the index written. */
  async settled(): Promise<void> {
    await Promise.all([...this.#kept.values()].map((k) => k.doc.settled()));
    await this.#writeIndex();
  }

  /** Sign-out: every channel goes, nothing more is written; the caller deletes the databases. */
  stop(): void {
    this.#stopped = true;
    for (const [name, kept] of this.#kept) {
      kept.doc.stop();
      this.#let(name, kept);
    }
    this.#kept.clear();
    this.#dirty.clear();
    if (this.#flush !== null) clearTimeout(this.#flush);
    this.#changed();
  }

  /** A new sign-in after a sign-out on this page: the index is read again, as the device now holds it. */
  restart(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#loading = null;
    this.#states = null;
    this.#wanted = [];
  }

  /** Read after an await: a sign-out may have come meanwhile. */
  #halted(): boolean {
    return this.#stopped;
  }

  #load(): Promise<Map<DocName, KeptState>> {
    this.#loading ??= this.#index.all().then((states) => (this.#states = states));
    return this.#loading;
  }

  #take(name: DocName, state: KeptState, open = true): void {
    const kept: Kept = { doc: this.#keptDoc(name, state, () => kept), channel: null, retry: null };
    this.#kept.set(name, kept);
    if (open && !this.#inPages.has(name)) this.#open(name, kept);
  }

  #keptDoc(name: DocName, state: KeptState, self: () => Kept): KeptDoc {
    return new KeptDoc({
      name,
      state,
      copy: this.#copyOf(name),
      send: (message) => self().channel?.send(message),
      changed: (next) => {
        this.#states?.set(name, next);
        this.#dirty.set(name, next);
        this.#scheduleIndex();
        this.#changed();
      },
    });
  }

  #replaceDoc(name: DocName, kept: Kept, state: KeptState): void {
    kept.doc = this.#keptDoc(name, state, () => kept);
  }

  #open(name: DocName, kept: Kept): void {
    if (kept.channel || this.#stopped) return;
    kept.channel = this.#socket.channel(name, {
      opening: () => kept.doc.opening(),
      message: (message) => {
        kept.doc.message(message).catch((error: unknown) => {
          // the copy could not be written: the next connection asks again from what is on the device
          console.error('a kept document could not be written', name, error);
        });
      },
      closed: (code, _reason, byServer) => {
        kept.doc.disconnected();
        this.#changed();
        if (!byServer) return;
        if (code === closeCode.forbidden || code === closeCode.unauthorized) {
          this.#let(name, kept);
          this.#kept.delete(name);
          if (code === closeCode.forbidden) this.#onRefused(name);
          return;
        }
        // the server could not serve it now (1011, 1013): ask again later
        kept.retry = setTimeout(() => {
          kept.retry = null;
          if (kept.channel && this.#kept.get(name) === kept) kept.channel.reopen();
        }, this.#retryMs());
      },
    });
  }

  #let(_name: DocName, kept: Kept): void {
    if (kept.retry !== null) clearTimeout(kept.retry);
    kept.retry = null;
    kept.channel?.release();
    kept.channel = null;
  }

  #scheduleIndex(): void {
    if (this.#flush !== null || this.#stopped) return;
    this.#flush = setTimeout(() => {
      this.#flush = null;
      this.#writeIndex().catch((error: unknown) => {
        console.error('the patch index could not be written', error);
      });
    }, 250);
  }

  async #writeIndex(): Promise<void> {
    if (this.#dirty.size === 0 || this.#stopped) return;
    const batch = new Map(this.#dirty);
    this.#dirty.clear();
    await this.#index.putMany(batch);
  }

  /** Told at most every 200 ms: a first fetch of a thousand documents is thousands of messages. */
  #changed(): void {
    if (this.#notify !== null) return;
    this.#notify = setTimeout(() => {
      this.#notify = null;
      for (const listener of this.#listeners) listener();
    }, 200);
  }
}
