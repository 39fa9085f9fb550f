import { createSubscriber } from 'svelte/reactivity';
import type { PublicUser } from '@concord/shared/auth/user.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { indexedDbCopy, stopCopies } from './local-copy.ts';
import {
  noVillages,
  patchOf,
  readVillageChoice,
  writeVillageChoice,
  type PatchCase,
  type VillageChoice,
} from './patch-choice.ts';
import { indexedDbPatchIndex } from './patch-index.ts';
import { PatchKeeper, type KeeperSocket, type PatchProgress } from './patch-keeper.ts';

/** What the patch is chosen from: the person and the lists the device holds. */
export interface PatchSource {
  user: PublicUser | null;
  cases: readonly PatchCase[];
  meetings: readonly { name: DocName }[];
}

/**
 * The documents this device keeps for use offline (SPEC W-PATCH-1), as the account page shows and changes them:
 * the keeper's progress read through a subscriber, and the villages chosen, kept on the device.
 */
export class DevicePatch {
  readonly keeper: PatchKeeper;
  readonly #storage: Storage | null;
  readonly #source: () => PatchSource;
  readonly #subscribe: () => void;
  #villages = $state.raw<VillageChoice>(noVillages);

  constructor(options: {
    socket: KeeperSocket;
    storage: Storage | null;
    source: () => PatchSource;
    deleteCopy: (name: DocName) => Promise<void>;
    onRefused: (name: DocName) => void;
    existingCopies: () => Promise<ReadonlySet<string>>;
  }) {
    this.#storage = options.storage;
    this.#source = options.source;
    this.#villages = readVillageChoice(options.storage);
    this.keeper = new PatchKeeper({
      socket: options.socket,
      index: indexedDbPatchIndex(),
      copyOf: indexedDbCopy,
      deleteCopy: options.deleteCopy,
      onRefused: options.onRefused,
      existingCopies: options.existingCopies,
    });
    this.#subscribe = createSubscriber((update) => this.keeper.subscribe(update));
  }

  get progress(): PatchProgress {
    this.#subscribe();
    return this.keeper.progress;
  }

  get villages(): VillageChoice {
    return this.#villages;
  }

  /** Bytes of a kept document on this device, for the size of each village. */
  keptBytes(name: DocName): number {
    this.#subscribe();
    return this.keeper.keptBytes(name);
  }

  choose(villages: VillageChoice): void {
    this.#villages = villages;
    writeVillageChoice(this.#storage, villages);
    void this.refresh();
  }

  /** Sign-out: nothing more is fetched or written, so no copy comes back once the device is wiped. */
  stop(): void {
    this.keeper.stop();
    stopCopies();
  }

  /** Keeps what the person's lists say now; called when a list or the choice changes. */
  async refresh(): Promise<void> {
    const { user, cases, meetings } = this.#source();
    if (!user) return;
    this.keeper.restart();
    try {
      await this.keeper.keep(patchOf({ user, cases, meetings, villages: this.#villages }));
    } catch (error) {
      // the device's storage refused: what is kept stays, and the next refresh tries again
      console.error('the documents to keep on this device could not be updated', error);
    }
  }
}
