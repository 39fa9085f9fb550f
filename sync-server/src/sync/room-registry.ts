import * as Y from 'yjs';
import type { DocKind, DocName } from '@concord/shared/sync/doc-name.ts';
import type { Logger } from '../logger.ts';
import type { SyncMetrics } from '../metrics.ts';
import { errorFields } from '../logger.ts';
import type { DocStore, StoredDoc } from '../storage/doc-store.ts';
import type { Persister } from './persister.ts';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Fanout, FanoutMessage } from '../fanout/fanout.ts';
import { dayMs, defaultRetentionDays, keepHistory } from '../storage/kept-history.ts';
import { fromOtherInstance, Room, type RoomMember, type UnsavedBatch } from './room.ts';

export interface RoomRegistryOptions {
  store: DocStore;
  persister: Persister;
  logger: Logger;
  metrics?: SyncMetrics;
  /** Compact a document on unload once it has more stored rows than this. */
  compactAfterUpdates?: number;
  /** Past this many loaded documents, the least recently used one is let go (SPEC S-MEM-2). */
  maxLoadedDocs?: number;
  /** Other server instances to hear updates from and pass updates to (SPEC S-SCALE-1). */
  fanout?: Fanout;
  /** A loaded document's saved change altered who may open it. */
  onFactsChanged?: (room: Room) => void;
  /** A document was loaded, before anyone's update reaches it. */
  onLoaded?: (room: Room) => void;
  /** A batch of a loaded document's updates is on disk and relayed. */
  onSaved?: (room: Room, batch: UnsavedBatch) => void;
  /** How long what compaction merges stays readable (SPEC S-SNAP-1); a year by default. */
  retentionDays?: number;
  now?: () => number;
}

/**
 * The rooms loaded in memory. Loading is one promise per document, so two sockets opening a document at once
 * load it once (SPEC S-STORE-3); a room is saved, compacted and dropped when its last member leaves
 * (SPEC S-STORE-6).
 */
export class RoomRegistry {
  readonly #store: DocStore;
  readonly #persister: Persister;
  readonly #logger: Logger;
  readonly #compactAfter: number;
  readonly #maxLoaded: number;
  readonly #metrics: SyncMetrics | null;
  readonly #onFactsChanged: (room: Room) => void;
  readonly #onLoaded: (room: Room) => void;
  readonly #onSaved: (room: Room, batch: UnsavedBatch) => void;
  readonly #fanout: Fanout | null;
  readonly #retentionMs: number;
  readonly #now: () => number;
  /** How each loaded document stops hearing from other instances. */
  readonly #unsubscribes = new Map<Room, () => Promise<void>>();
  readonly #rooms = new Map<DocName, Promise<Room>>();
  /** The rooms whose load has finished, for choosing which to let go. */
  readonly #loaded = new Map<DocName, Room>();

  constructor(options: RoomRegistryOptions) {
    this.#store = options.store;
    this.#persister = options.persister;
    this.#logger = options.logger;
    this.#compactAfter = options.compactAfterUpdates ?? 200;
    this.#maxLoaded = options.maxLoadedDocs ?? 10_000;
    this.#metrics = options.metrics ?? null;
    this.#onFactsChanged = options.onFactsChanged ?? (() => undefined);
    this.#onLoaded = options.onLoaded ?? (() => undefined);
    this.#onSaved = options.onSaved ?? (() => undefined);
    this.#fanout = options.fanout ?? null;
    this.#retentionMs = (options.retentionDays ?? defaultRetentionDays) * dayMs;
    this.#now = options.now ?? Date.now;
  }

  /** The room of `name` if it is loaded now. */
  loaded(name: DocName): Room | undefined {
    return this.#loaded.get(name);
  }

  get loadedCount(): number {
    return this.#rooms.size;
  }

  /** Loads the room if need be and makes `member` one of its members. */
  async join(name: DocName, kind: DocKind, member: RoomMember): Promise<Room> {
    for (;;) {
      let loading = this.#rooms.get(name);
      if (!loading) {
        this.#evictIfFull();
        const started = this.#load(name, kind);
        loading = started;
        this.#rooms.set(name, started);
        // a failed load leaves nothing behind, so the next socket tries afresh; the joiner sees the rejection
        started.catch(() => {
          if (this.#rooms.get(name) === started) this.#rooms.delete(name);
        });
      }
      const room = await loading;
      // the last member left while this one waited and the room is being unloaded: load the document afresh
      if (this.#rooms.get(name) !== loading) continue;
      room.members.add(member);
      room.lastActive = performance.now();
      // someone came back while it was being let go: it stays, and may be chosen again later
      room.releasing = false;
      return room;
    }
  }

  /**
   * At the cap, the least recently used room lets its members go with 1013 (try again later); it unloads once
   * saved, as when its last member leaves. Nothing unsaved is dropped.
   */
  #evictIfFull(): void {
    if (this.#rooms.size < this.#maxLoaded) return;
    let oldest: Room | null = null;
    for (const room of this.#loaded.values()) {
      if (room.releasing) continue;
      if (!oldest || room.lastActive < oldest.lastActive) oldest = room;
    }
    if (!oldest) return;
    this.#logger.info('letting a document go: too many loaded', { doc: oldest.name, cap: this.#maxLoaded });
    oldest.releasing = true;
    for (const member of [...oldest.members]) member.release();
  }

  /** Removes `member`; the last one out saves, compacts and unloads the room. */
  async leave(room: Room, member: RoomMember): Promise<void> {
    room.members.delete(member);
    if (room.members.size > 0) return;
    await room.whenSaved();
    const current = await this.#rooms.get(room.name);
    // someone may have joined while the last updates were written (checked after every await)
    if (current !== room || room.members.size > 0) return;
    this.#rooms.delete(room.name);
    this.#loaded.delete(room.name);
    try {
      if (room.storedUpdates > this.#compactAfter) await this.#compact(room);
    } finally {
      await this.#unload(room);
    }
  }

  /** Saves every room and drops them all, for shutdown. */
  async unloadAll(): Promise<void> {
    const rooms = await Promise.allSettled(this.#rooms.values());
    this.#rooms.clear();
    this.#loaded.clear();
    for (const result of rooms) {
      if (result.status !== 'fulfilled') continue;
      const room = result.value;
      await room.whenSaved();
      await this.#unload(room);
    }
  }

  async #unload(room: Room): Promise<void> {
    const unsubscribe = this.#unsubscribes.get(room);
    this.#unsubscribes.delete(room);
    try {
      await unsubscribe?.();
    } catch (error) {
      this.#logger.warn('fan-out unsubscribe failed', { ...errorFields(error), doc: room.name });
    } finally {
      room.destroy();
    }
  }

  async #load(name: DocName, kind: DocKind): Promise<Room> {
    const started = performance.now();
    // hear other instances before reading the store: an update saved after the read is then never missed
    const early: FanoutMessage[] = [];
    let deliver = (message: FanoutMessage) => {
      early.push(message);
    };
    const unsubscribe = this.#fanout
      ? await this.#fanout.subscribe(name, (message) => {
          deliver(message);
        })
      : undefined;
    let stored: StoredDoc;
    try {
      stored = await this.#store.load(name);
    } catch (error) {
      await unsubscribe?.();
      throw error;
    }
    // the name as guid: a random one costs thirty calls into the system's random source, felt when a reconnect
    // loads a thousand documents at once, and the server has no use for it
    const doc = new Y.Doc({ gc: true, guid: name });
    // applied with the registry as origin before the room listens, so loading writes nothing back
    doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    }, this);
    const metrics = this.#metrics;
    const room = new Room(
      name,
      kind,
      doc,
      { updates: stored.updates.length, clock: stored.clock },
      {
        unsaved: (r) => this.#persister.markDirty(r),
        relayed: (updates, bytes) => {
          metrics?.updatesRelayed.inc(updates);
          metrics?.bytesRelayed.inc(bytes);
        },
        factsChanged: (r) => this.#onFactsChanged(r),
        published: (r, updates) => {
          for (const bytes of updates) this.#fanout?.publish(r.name, { kind: 'update', bytes });
        },
        presence: (r, bytes) => {
          this.#fanout?.publish(r.name, { kind: 'presence', bytes });
        },
        saved: (r, batch) => this.#onSaved(r, batch),
      },
    );
    this.#loaded.set(name, room);
    this.#onLoaded(room);
    if (unsubscribe) {
      this.#unsubscribes.set(room, unsubscribe);
      deliver = ({ kind: what, bytes }) => {
        try {
          if (what === 'update') Y.applyUpdate(room.doc, bytes, fromOtherInstance);
          else awarenessProtocol.applyAwarenessUpdate(room.awareness, bytes, fromOtherInstance);
        } catch (error) {
          this.#logger.warn('unreadable message from another instance', { ...errorFields(error), doc: name });
        }
      };
      for (const message of early.splice(0)) deliver(message);
    }
    this.#logger.debug('document loaded', {
      doc: name,
      updates: stored.updates.length,
      ms: Math.round(performance.now() - started),
    });
    return room;
  }

  /**
   * Merges the stored rows into one snapshot. The snapshot is built from the rows themselves plus the room, so
   * rows another instance wrote, which this one may never have heard of, are never dropped (SPEC S-STORE-6).
   * What the rows held, deletions included, is kept beside it for the retention period (SPEC S-SNAP-1).
   */
  async #compact(room: Room): Promise<void> {
    try {
      const rows = await this.#store.rows(room.name);
      const clock = rows.reduce((newest, row) => Math.max(newest, row.clock), 0);
      const merged = new Y.Doc({ gc: true });
      Y.applyUpdate(merged, Y.encodeStateAsUpdate(room.doc));
      for (const row of rows) Y.applyUpdate(merged, row.update);
      const snapshot = Y.encodeStateAsUpdate(merged);
      merged.destroy();
      const now = this.#now();
      await this.#store.compact(room.name, snapshot, clock, {
        kept: keepHistory(rows),
        at: now,
        pruneBefore: now - this.#retentionMs,
      });
      this.#logger.debug('document compacted', { doc: room.name, rows: room.storedUpdates });
    } catch (error) {
      // the rows stay as they were: compaction is an optimisation, never a loss
      this.#logger.warn('compaction failed', { ...errorFields(error), doc: room.name });
    }
  }
}
