import { createSubscriber } from 'svelte/reactivity';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { availabilityOf, serverWaitMs, type CaseAvailability } from '../cases/case-availability.ts';
import { DocPresence } from '../workflow/doc-presence.svelte.ts';
import { effectiveAccess, type DocAccess } from './access-tracker.ts';
import { ProviderConnection } from './connection-state.svelte.ts';
import type { DocPool } from './doc-pool.ts';
import type { LocalSaveState } from './local-save.ts';
import type { HeardRefusal, RefusalLog } from './refusal-log.ts';
import type { SharedDoc } from './shared-doc.ts';

/**
 * A document open on a page, whatever its kind: taken from the pool, with what every page shows of it — whether it
 * is kept on the device and on the server, what the person may do, whether it can be shown at all, who else is on
 * it and what the server undid — read through subscribers, so the view follows the document. A case's or a
 * meeting's session adds what its kind has.
 */
export class OpenDoc {
  readonly name: DocName;
  readonly shared: SharedDoc;
  readonly connection: ProviderConnection;
  /** Who else has it open, and where (SPEC W-PRES-1, W-PRES-2). */
  readonly presence: DocPresence;
  readonly #release: () => void;
  readonly #refusals: RefusalLog;
  readonly #unwatchRefusals: () => void;
  readonly #subscribeAccess: () => void;
  readonly #subscribeLocalSave: () => void;
  readonly #subscribeServerSave: () => void;
  readonly #subscribeRefusals: () => void;
  #loaded = $state(false);
  /** The server has not answered for a while since the local copy loaded (SPEC W-MISSING-1). */
  #waitedLong = $state(false);
  #waitTimer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;

  constructor(name: DocName, pool: DocPool) {
    this.name = name;
    const { shared, release } = pool.acquire(name);
    this.shared = shared;
    this.#release = release;
    this.connection = new ProviderConnection(shared.provider);
    this.presence = new DocPresence(shared.provider);
    this.#subscribeAccess = createSubscriber((update) => shared.access.subscribe(update));
    this.#subscribeLocalSave = createSubscriber((update) => shared.localSave.subscribe(update));
    this.#subscribeServerSave = createSubscriber((update) => shared.serverSave.subscribe(update));
    this.#refusals = pool.refusals;
    this.#unwatchRefusals = pool.refusals.watch(name);
    this.#subscribeRefusals = createSubscriber((update) => pool.refusals.subscribe(update));
    void shared.localLoaded.then(() => {
      this.#loaded = true;
      if (!this.#closed) this.#waitTimer = setTimeout(() => (this.#waitedLong = true), serverWaitMs);
    });
  }

  /** True once the local copy is loaded: before that an empty document means nothing. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** Whether this device's latest edit is in its local copy, so a reload or a flat battery cannot lose it. */
  get localSave(): LocalSaveState {
    this.#subscribeLocalSave();
    return this.shared.localSave.state;
  }

  /** Whether the server has every edit this device has on its disk (SPEC S-ACK-1). */
  get serverSaved(): boolean {
    this.#subscribeServerSave();
    return this.shared.serverSave.saved;
  }

  /**
   * What the person may do: the server's word on the socket, else the list's, else write (SPEC A-RIGHT-10). `none`
   * once the server refused it (SPEC A-REVOKE-2).
   */
  access(listed: 'read' | 'write' | undefined): DocAccess {
    this.#subscribeAccess();
    return effectiveAccess(this.shared.access.level, listed);
  }

  /**
   * What the page can show: the document, or why not (SPEC W-MISSING-1). Follows the socket as it opens, syncs,
   * fails or is refused, so an unknown document never waits without end. The caller reads `exists` through its
   * own subscriber.
   */
  availability(exists: boolean): CaseAvailability {
    this.#subscribeAccess();
    return availabilityOf({
      loaded: this.#loaded,
      exists,
      refused: this.shared.access.refused,
      synced: this.connection.synced,
      unreachable: this.connection.unreachable,
      waitedLong: this.#waitedLong,
    });
  }

  /** What the server undid of this device's edits and why, newest first, until dismissed (SPEC W-REFUSE-1). */
  get refusals(): readonly HeardRefusal[] {
    this.#subscribeRefusals();
    return this.#refusals.heardFor(this.name);
  }

  dismissRefusal(id: string): void {
    this.#refusals.dismiss(this.name, id);
  }

  /** The page lets it go: the document may stay open for something else, but this person is no longer on it. */
  close(): void {
    this.#closed = true;
    this.presence.leave();
    this.#unwatchRefusals();
    if (this.#waitTimer !== null) clearTimeout(this.#waitTimer);
    this.#release();
  }
}
