import { randomUUID } from 'node:crypto';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import type { DocKind, DocName } from '@concord/shared/sync/doc-name.ts';
import type { Logger } from '../logger.ts';
import type { DocStore } from '../storage/doc-store.ts';
import { Persister } from './persister.ts';
import { RoomRegistry } from './room-registry.ts';
import { SyncSession, type SyncSocket } from './session.ts';

/** Everything the sync endpoint needs, built once per server: the rooms, the persister and the open sessions. */
export class SyncHub {
  readonly rooms: RoomRegistry;
  readonly #persister: Persister;
  readonly #logger: Logger;
  readonly #sessions = new Set<SyncSession>();

  constructor(options: { store: DocStore; logger: Logger; compactAfterUpdates?: number }) {
    this.#logger = options.logger;
    this.#persister = new Persister({ store: options.store, logger: options.logger });
    this.rooms = new RoomRegistry({
      store: options.store,
      persister: this.#persister,
      logger: options.logger,
      ...(options.compactAfterUpdates === undefined
        ? {}
        : { compactAfterUpdates: options.compactAfterUpdates }),
    });
  }

  get sessionCount(): number {
    return this.#sessions.size;
  }

  open(docName: DocName, kind: DocKind, socket: SyncSocket): SyncSession {
    const session = new SyncSession({
      id: randomUUID(),
      docName,
      kind,
      socket,
      registry: this.rooms,
      logger: this.#logger,
    });
    this.#sessions.add(session);
    this.#logger.info('socket opened', { doc: docName, session: session.id });
    session.start();
    return session;
  }

  closed(session: SyncSession, code: number): void {
    this.#sessions.delete(session);
    session.closed();
    this.#logger.info('socket closed', { doc: session.docName, session: session.id, code });
  }

  /** Closes every socket with 1012 (clients come back to the restarted server), then saves and unloads all. */
  async shutdown(): Promise<void> {
    for (const session of this.#sessions) session.close(closeCode.serviceRestart, 'server restarting');
    await Promise.all([...this.#sessions].map((s) => s.settled()));
    this.#sessions.clear();
    await this.#persister.idle();
    await this.rooms.unloadAll();
    this.#persister.stop();
  }
}
