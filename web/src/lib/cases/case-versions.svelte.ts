import type { CaseVersion } from '@concord/shared/cases/case-version.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { ApiFailure } from '../http/api.ts';
import {
  fetchVersion,
  fetchVersions,
  restoreVersion,
  type VersionMoment,
  type VersionsApi,
} from './case-versions.ts';

/** What the versions panel is doing: looking at one, asking to restore it, restoring it. */
export type VersionsStep =
  | { kind: 'list' }
  | { kind: 'shown'; version: CaseVersion }
  | { kind: 'confirming'; version: CaseVersion }
  | { kind: 'restoring'; version: CaseVersion };

/**
 * The earlier versions of one case as its page shows them (SPEC W-RESTORE-1): the list the server keeps, one
 * seen as it was, and its restore after a confirmation. Nothing here writes to the case on the device: the
 * server makes the change, and it reaches the page like anyone's edit.
 */
export class CaseVersions {
  readonly #name: DocName;
  readonly #api: VersionsApi;
  #versions = $state.raw<VersionMoment[]>([]);
  #loaded = $state(false);
  #failure = $state<ApiFailure | null>(null);
  #step = $state.raw<VersionsStep>({ kind: 'list' });
  #restored = $state.raw<VersionMoment | null>(null);

  constructor(name: DocName, api: VersionsApi) {
    this.#name = name;
    this.#api = api;
  }

  get versions(): VersionMoment[] {
    return this.#versions;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  /** Why the last call failed, until the next one works. */
  get failure(): ApiFailure | null {
    return this.#failure;
  }

  get step(): VersionsStep {
    return this.#step;
  }

  /** The version restored last, to say so. */
  get restored(): VersionMoment | null {
    return this.#restored;
  }

  async load(): Promise<void> {
    const result = await fetchVersions(this.#api, this.#name);
    this.#loaded = true;
    if (result.ok) {
      this.#versions = result.value;
      this.#failure = null;
    } else {
      this.#failure = result.failure;
    }
  }

  /** Shows the case as it was at `id`, read-only. */
  async show(id: number): Promise<void> {
    const result = await fetchVersion(this.#api, this.#name, id);
    if (result.ok) {
      this.#step = { kind: 'shown', version: result.value };
      this.#failure = null;
    } else {
      this.#failure = result.failure;
    }
  }

  /** Back to the list. */
  close(): void {
    this.#step = { kind: 'list' };
  }

  /** Asks for a confirmation before restoring the version shown. */
  askToRestore(): void {
    if (this.#step.kind === 'shown') this.#step = { kind: 'confirming', version: this.#step.version };
  }

  /** Not now: back to the version shown. */
  cancel(): void {
    if (this.#step.kind === 'confirming') this.#step = { kind: 'shown', version: this.#step.version };
  }

  /** Restores the version being confirmed; on success the list is asked again and the panel closes. */
  async restore(): Promise<void> {
    if (this.#step.kind !== 'confirming') return;
    const version = this.#step.version;
    this.#step = { kind: 'restoring', version };
    const result = await restoreVersion(this.#api, this.#name, version.id);
    if (!result.ok) {
      this.#failure = result.failure;
      this.#step = { kind: 'shown', version };
      return;
    }
    this.#failure = null;
    this.#restored = { id: version.id, at: version.at };
    this.#step = { kind: 'list' };
    await this.load();
  }
}
