import { createSubscriber } from 'svelte/reactivity';
import { parseDocName, type DocName } from '@concord/shared/sync/doc-name.ts';
import {
  lastAcknowledgedKey,
  overallState,
  readLastAcknowledged,
  type LinkFacts,
  type UnsentItem,
} from './app-status.ts';
import type { ConnectionState } from './connection-state.svelte.ts';
import type { DocPool } from './doc-pool.ts';

interface PendingList {
  readonly source: 'loading' | 'server' | 'device';
  readonly pending: readonly { name: DocName; title: string }[];
}

/**
 * The sync status every page shows (SPEC W-STATUS-1, W-STATUS-2): whether the server is reached, what waits to
 * be sent, and when the server last acknowledged an edit of this device.
 */
export class SyncStatus {
  readonly #pool: DocPool;
  readonly #cases: PendingList;
  readonly #meetings: PendingList;
  readonly #storage: Storage | null;
  readonly #subscribePool: () => void;
  #deviceOnline = $state(true);
  #lastAcknowledgedAt = $state<number | null>(null);

  constructor(options: {
    pool: DocPool;
    cases: PendingList;
    meetings: PendingList;
    storage: Storage | null;
  }) {
    this.#pool = options.pool;
    this.#cases = options.cases;
    this.#meetings = options.meetings;
    this.#storage = options.storage;
    this.#deviceOnline = navigator.onLine;
    this.#lastAcknowledgedAt = readLastAcknowledged(this.#storage?.getItem(lastAcknowledgedKey) ?? null);
    this.#subscribePool = createSubscriber((update) => this.#pool.subscribe(update));
  }

  get state(): ConnectionState {
    this.#subscribePool();
    const links: LinkFacts[] = this.#pool.openDocs.map(({ provider, access }) => ({
      connected: provider.wsconnected,
      synced: provider.synced,
      failed: !provider.wsconnected && provider.wsUnsuccessfulReconnects > 0,
      refused: access.refused,
    }));
    const socket = this.#pool.socket;
    return overallState({
      deviceOnline: this.#deviceOnline,
      // before a sign-in the socket is not used, and says nothing of the server
      socket: this.#pool.hasToken ? { connected: socket.connected, failures: socket.failures } : null,
      links,
      lastCall: this.#cases.source,
    });
  }

  /** Cases, then meetings, with edits the server has not acknowledged yet. */
  get unsent(): UnsentItem[] {
    const item = (kind: 'case' | 'meeting', row: { name: DocName; title: string }): UnsentItem => {
      const parsed = parseDocName(row.name);
      const id = parsed.ok ? parsed.id : row.name;
      return { kind, href: kind === 'case' ? `/cases/${id}` : `/meetings/${id}`, title: row.title };
    };
    return [
      ...this.#cases.pending.map((row) => item('case', row)),
      ...this.#meetings.pending.map((row) => item('meeting', row)),
    ];
  }

  /** When the server last acknowledged an edit made on this device; null if never (on this device). */
  get lastAcknowledgedAt(): number | null {
    return this.#lastAcknowledgedAt;
  }

  /** The server has an edit of this device on its disk (a case or meeting left the unsent list). */
  acknowledged(at: number): void {
    this.#lastAcknowledgedAt = at;
    try {
      this.#storage?.setItem(lastAcknowledgedKey, String(at));
    } catch (error) {
      // a full or blocked storage: the moment is shown this visit only
      console.warn('the time of the last acknowledgement is not kept', error);
    }
  }

  /**
   * Follows the device's word on its network; call once from the root layout, and the returned function when it
   * goes. A link that dies silently is the socket's own watchdog's (SPEC S-BEAT-1).
   */
  listen(): () => void {
    const onOnline = () => {
      this.#deviceOnline = true;
    };
    const onOffline = () => {
      this.#deviceOnline = false;
      this.#pool.dropAll();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }
}
