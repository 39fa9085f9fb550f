import type { Logger } from '../logger.ts';
import type { SyncMetrics } from '../metrics.ts';
import { errorFields } from '../logger.ts';
import type { DocEdit, DocStore, DocWrite } from '../storage/doc-store.ts';
import type { Room, RoomMember, UnsavedBatch } from './room.ts';

/**
 * Writes what rooms queued, all rooms of one event-loop turn in one transaction (SPEC S-STORE-1), one write at a
 * time. A failed write keeps the updates in memory and tries again (SPEC S-STORE-5).
 */
export class Persister {
  readonly #store: DocStore;
  readonly #logger: Logger;
  readonly #retryDelayMs: number;
  readonly #now: () => number;
  #dirty = new Set<Room>();
  #scheduled = false;
  #writing: Promise<void> = Promise.resolve();
  #retryTimer: NodeJS.Timeout | null = null;

  readonly #metrics: SyncMetrics | null;

  constructor(options: {
    store: DocStore;
    logger: Logger;
    metrics?: SyncMetrics;
    retryDelayMs?: number;
    now?: () => number;
  }) {
    this.#metrics = options.metrics ?? null;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#retryDelayMs = options.retryDelayMs ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  /** A room has new updates: write them after the current turn, together with any other room's. */
  markDirty(room: Room): void {
    this.#dirty.add(room);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#writing = this.#writing.then(() => this.#writeDirty());
    });
  }

  /** Resolves once every write started so far has finished, succeeded or not. */
  idle(): Promise<void> {
    return this.#writing;
  }

  stop(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  async #writeDirty(): Promise<void> {
    const rooms = [...this.#dirty].filter((room) => room.hasQueued);
    this.#dirty.clear();
    if (rooms.length === 0) return;
    const batches = new Map<Room, UnsavedBatch>(rooms.map((room) => [room, room.takeUnsaved()]));
    const writes: DocWrite[] = [...batches].map(([room, batch]) => ({
      name: room.name,
      updates: batch.updates.map((u) => u.update),
      summary: batch.summary,
      edits: attributedEdits(batch),
    }));
    const started = performance.now();
    try {
      const clock = await this.#store.append(writes, this.#now());
      this.#metrics?.persistSeconds.observe((performance.now() - started) / 1000);
      this.#metrics?.updatesPersisted.inc(writes.reduce((n, w) => n + w.updates.length, 0));
      for (const [room, batch] of batches) room.saved(batch, clock);
      this.#logger.debug('persisted', {
        docs: writes.length,
        updates: writes.reduce((n, w) => n + w.updates.length, 0),
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      this.#metrics?.persistFailures.inc();
      this.#logger.error('persist failed; keeping updates in memory and trying again', {
        ...errorFields(error),
        docs: writes.length,
      });
      for (const [room, batch] of batches) room.unsaveFailed(batch);
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = null;
        for (const room of batches.keys()) this.markDirty(room);
      }, this.#retryDelayMs);
    }
  }
}

/** The batch's updates that came from a signed-in person's socket, with who and what (SPEC A-ATTR-1). */
function attributedEdits(batch: UnsavedBatch): DocEdit[] {
  const edits: DocEdit[] = [];
  for (const { update, origin, fields } of batch.updates) {
    const author = (origin as Partial<RoomMember> | null)?.author;
    if (typeof author === 'string') edits.push({ author, fields, bytes: update.length });
  }
  return edits;
}
