import { createSubscriber } from 'svelte/reactivity';
import { CaseFile, type CaseSummary } from '@concord/shared/cases/case-file.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { ProviderConnection } from '../sync/connection-state.svelte.ts';
import type { DocPool } from '../sync/doc-pool.ts';
import type { LocalSaveState } from '../sync/local-save.ts';
import type { SharedDoc } from '../sync/shared-doc.ts';
import type { CaseDirectory } from './case-directory.svelte.ts';

/**
 * A case file open on screen: reads go straight to the Y.Doc through subscribers, so the view always shows the
 * document and never a stale copy. Keeps the directory's row for the case up to date.
 */
export class CaseSession {
  readonly name: DocName;
  readonly caseFile: CaseFile;
  readonly connection: ProviderConnection;
  readonly #shared: SharedDoc;
  readonly #release: () => void;
  readonly #subscribeCase: () => void;
  readonly #subscribePeers: () => void;
  readonly #subscribeLocalSave: () => void;
  readonly #subscribeServerSave: () => void;
  readonly #stopWatching: () => void;
  #loaded = $state(false);

  constructor(name: DocName, pool: DocPool, directory: CaseDirectory) {
    this.name = name;
    const { shared, release } = pool.acquire(name);
    this.#shared = shared;
    this.#release = release;
    this.caseFile = new CaseFile(shared.doc);
    this.connection = new ProviderConnection(shared.provider);
    this.#subscribeCase = createSubscriber((update) => this.caseFile.observe(update));
    const awareness = shared.provider.awareness;
    this.#subscribePeers = createSubscriber((update) => {
      awareness.on('change', update);
      return () => awareness.off('change', update);
    });
    this.#subscribeLocalSave = createSubscriber((update) => shared.localSave.subscribe(update));
    this.#subscribeServerSave = createSubscriber((update) => shared.serverSave.subscribe(update));
    void shared.localLoaded.then(() => {
      this.#loaded = true;
    });

    // keep the list row right, and note edits the server has not had yet
    const provider = shared.provider;
    const onUpdate = () => {
      if (!this.caseFile.exists) return;
      directory.remember(name, this.caseFile.summary(), !(provider.wsconnected && provider.synced));
    };
    const onSync = (synced: boolean) => {
      if (!synced) return;
      onUpdate();
      directory.uploaded(name);
    };
    shared.doc.on('update', onUpdate);
    provider.on('sync', onSync);
    this.#stopWatching = () => {
      shared.doc.off('update', onUpdate);
      provider.off('sync', onSync);
    };
  }

  /** True once the local copy is loaded: before that an empty case means nothing. */
  get loaded(): boolean {
    return this.#loaded;
  }

  get summary(): CaseSummary {
    this.#subscribeCase();
    return this.caseFile.summary();
  }

  /** How many devices have this case open, this one included. */
  get editors(): number {
    this.#subscribePeers();
    return this.#shared.provider.awareness.getStates().size;
  }

  /** Whether this device's latest edit is in its local copy, so a reload or a flat battery cannot lose it. */
  get localSave(): LocalSaveState {
    this.#subscribeLocalSave();
    return this.#shared.localSave.state;
  }

  /** Whether the server has every edit this device has of the case on its disk (SPEC S-ACK-1). */
  get serverSaved(): boolean {
    this.#subscribeServerSave();
    return this.#shared.serverSave.saved;
  }

  get syncedOnce(): boolean {
    this.#subscribeCase();
    return this.#shared.provider.synced;
  }

  destroy(): void {
    this.#stopWatching();
    this.#release();
  }
}
