import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type {
  CompactionKeep,
  DocEditRecord,
  DocListing,
  DocStore,
  DocWrite,
  KeptMomentRecord,
  Moment,
  StoredDoc,
  StoredRow,
} from './doc-store.ts';

/** One `append` as the store saw it. */
export interface AppendCall {
  writes: DocWrite[];
  at: number;
}

/**
 * A {@link DocStore} for tests: passes every call to `inner`, records it, and lets a test make a call fail or
 * wait first. `beforeLoad` / `beforeAppend` run before the call reaches `inner`; if they throw or reject, the
 * call rejects with that error and `inner` is never touched.
 */
export class SpyStore implements DocStore {
  readonly inner: DocStore;
  readonly loads: DocName[] = [];
  readonly appends: AppendCall[] = [];
  readonly compacts: { name: DocName; throughClock: number }[] = [];
  beforeLoad: ((name: DocName) => Promise<void> | void) | null = null;
  beforeAppend: ((call: AppendCall) => Promise<void> | void) | null = null;
  /** Appends started and not yet settled, and the most there ever were at once. */
  appendsInFlight = 0;
  maxAppendsInFlight = 0;
  #appendWaiters: { count: number; resolve: () => void }[] = [];

  constructor(inner: DocStore) {
    this.inner = inner;
  }

  async load(name: DocName): Promise<StoredDoc> {
    this.loads.push(name);
    await this.beforeLoad?.(name);
    return this.inner.load(name);
  }

  async append(writes: readonly DocWrite[], at: number): Promise<number> {
    const call: AppendCall = { writes: [...writes], at };
    this.appends.push(call);
    this.appendsInFlight++;
    this.maxAppendsInFlight = Math.max(this.maxAppendsInFlight, this.appendsInFlight);
    try {
      await this.beforeAppend?.(call);
      return await this.inner.append(writes, at);
    } finally {
      this.appendsInFlight--;
      this.#notifyAppendSettled();
    }
  }

  compact(name: DocName, snapshot: Uint8Array, throughClock: number, keep?: CompactionKeep): Promise<void> {
    this.compacts.push({ name, throughClock });
    return this.inner.compact(name, snapshot, throughClock, keep);
  }

  rows(name: DocName): Promise<StoredRow[]> {
    return this.inner.rows(name);
  }

  keptMoments(name: DocName): Promise<Moment[]> {
    return this.inner.keptMoments(name);
  }

  keptMoment(name: DocName, clock: number): Promise<KeptMomentRecord | null> {
    return this.inner.keptMoment(name, clock);
  }

  list(): Promise<DocListing[]> {
    return this.inner.list();
  }

  listing(name: DocName): Promise<DocListing | null> {
    return this.inner.listing(name);
  }

  history(name: DocName, limit: number): Promise<DocEditRecord[]> {
    return this.inner.history(name, limit);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Resolves once `count` appends have been called and none is still running. */
  appendsSettled(count: number): Promise<void> {
    return new Promise((resolve) => {
      this.#appendWaiters.push({ count, resolve });
      this.#notifyAppendSettled();
    });
  }

  #notifyAppendSettled(): void {
    if (this.appendsInFlight > 0) return;
    const ready = this.#appendWaiters.filter((w) => this.appends.length >= w.count);
    this.#appendWaiters = this.#appendWaiters.filter((w) => this.appends.length < w.count);
    for (const waiter of ready) waiter.resolve();
  }
}
