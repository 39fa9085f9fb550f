import type { DocHistoryEntry } from '@concord/shared/docs/listing.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { ApiFailure } from '../http/api.ts';
import { fetchHistory, groupHistory } from './case-history.ts';

/** The attribution trail of one case as the case page shows it (SPEC A-ATTR-1). */
export class CaseHistory {
  readonly #name: DocName;
  readonly #fetch: typeof fetch;
  readonly #token: () => string | null;
  #entries = $state.raw<DocHistoryEntry[]>([]);
  #failure = $state<ApiFailure | null>(null);
  #loaded = $state(false);
  #inFlight: Promise<void> | null = null;
  /** How many times a load was asked for: one asked during a fetch makes one more fetch. */
  #asked = 0;

  constructor(name: DocName, options: { fetch: typeof fetch; token: () => string | null }) {
    this.#name = name;
    this.#fetch = options.fetch;
    this.#token = options.token;
  }

  /** Newest first; one person's run of edits is one entry. */
  get entries(): DocHistoryEntry[] {
    return this.#entries;
  }

  /** Why the last attempt failed; the entries of an earlier one stay on screen. */
  get failure(): ApiFailure | null {
    return this.#failure;
  }

  /** True once an answer (or a failure) came back. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** Asks the server again; calls while one is under way make one more, not one each. */
  load(): Promise<void> {
    this.#asked++;
    if (this.#inFlight) return this.#inFlight;
    this.#inFlight = this.#fetchUntilQuiet().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #fetchUntilQuiet(): Promise<void> {
    for (;;) {
      const asked = this.#asked;
      const result = await fetchHistory(this.#fetch, this.#token(), this.#name);
      if (result.ok) {
        this.#entries = groupHistory(result.entries);
        this.#failure = null;
      } else {
        this.#failure = result.failure;
      }
      this.#loaded = true;
      if (this.#asked === asked) return;
    }
  }
}
