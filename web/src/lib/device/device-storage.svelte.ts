import type { StorageFigures } from './storage-figures.ts';

/**
 * Whether the browser keeps this app's data for good, and how much room it takes (SPEC W-STORE-1). Without
 * persistent storage a browser may clear the local copies when the device runs short of space, unsent edits
 * with them; the app asks once, after sign-in (most browsers answer without asking the person).
 */
export class DeviceStorage {
  #figures = $state<StorageFigures>({ persisted: null, usage: null, quota: null });
  #asked = false;
  readonly #storage: StorageManager | null;

  constructor(storage: StorageManager | null) {
    this.#storage = storage;
  }

  get figures(): StorageFigures {
    return this.#figures;
  }

  /** Asks the browser to keep the data for good, once per visit, unless it already does. */
  async requestPersistence(): Promise<void> {
    const storage = this.#storage;
    if (this.#asked || !storage) return;
    this.#asked = true;
    try {
      const granted = (await storage.persisted()) || (await storage.persist());
      this.#figures = { ...this.#figures, persisted: granted };
    } catch (error) {
      // the data is kept all the same, only not for good; the account page says so
      console.warn('could not ask for persistent storage', error);
    }
  }

  /** Reads the figures afresh, for the account page. */
  async refresh(): Promise<void> {
    const storage = this.#storage;
    if (!storage) return;
    try {
      const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
      this.#figures = {
        persisted,
        usage: estimate.usage ?? null,
        quota: estimate.quota ?? null,
      };
    } catch (error) {
      console.warn('could not read the storage figures', error);
    }
  }
}
