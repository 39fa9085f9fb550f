import { getContext, setContext } from 'svelte';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { AttachmentService } from './attachments/attachment-service.svelte.ts';
import { AuthState } from './auth/auth-state.svelte.ts';
import { CaseDirectory } from './cases/case-directory.svelte.ts';
import { sendPendingCases } from './cases/outbox.ts';
import { DeviceStorage } from './device/device-storage.svelte.ts';
import { eraseDeviceData } from './device/erase.ts';
import { unsentWork, type UnsentWork } from './device/sign-out.ts';
import { MeetingDirectory } from './meetings/meeting-directory.svelte.ts';
import { DevicePatch } from './patch/device-patch.svelte.ts';
import { StaffDirectory } from './people/staff-directory.svelte.ts';
import { DocPool } from './sync/doc-pool.ts';
import { syncServerUrl } from './sync/shared-doc.ts';
import { SyncStatus } from './sync/sync-status.svelte.ts';
import { Notice } from './ui/notice.svelte.ts';

const key = Symbol('concord-services');

/** What every page of the app shares, made once by the root layout and handed down as typed context. */
export class AppServices {
  readonly pool: DocPool;
  readonly directory: CaseDirectory;
  /** The meetings the person may open, for the list and the calendar (SPEC M-CAL-1). */
  readonly meetings: MeetingDirectory;
  readonly auth: AuthState;
  /** The town's staff, to name the people in a case's steps and to choose from (SPEC A-DIR-1). */
  readonly people: StaffDirectory;
  /** A message for the person, shown on the case list (a case taken away, for one). */
  readonly notice = new Notice();
  /** Whether the browser keeps the data for good, and the room it takes (SPEC W-STORE-1). */
  readonly storage: DeviceStorage;
  readonly #localStorage: Storage | null;
  /** Photos, voice notes and files kept on this device, and their uploads (SPEC W-ATTACH-1, W-ATTACH-2). */
  readonly attachments: AttachmentService;
  /** Online or not, what waits to be sent, when the server last took an edit (SPEC W-STATUS-1, W-STATUS-2). */
  readonly status: SyncStatus;
  /** Every document of the person's patch, kept on the device and in sync (SPEC W-PATCH-1). */
  readonly patch: DevicePatch;

  private constructor() {
    const storage = browserStorage();
    this.#localStorage = storage;
    this.storage = new DeviceStorage(storageManager());
    const fetcher = window.fetch.bind(window);
    this.auth = new AuthState({
      storage,
      fetch: fetcher,
      onToken: (token) => {
        this.pool.setToken(token);
        void this.storage.requestPersistence();
        void this.resync();
      },
    });
    this.pool = new DocPool({
      serverUrl: syncServerUrl(window.location),
      token: this.auth.token,
      onSignInEnded: () => this.auth.sessionEnded(),
      onRefused: (code, name) => {
        if (code === closeCode.forbidden) this.#refused(name);
        else console.warn('the server closed a document for good', code);
      },
    });
    // what the server undid of a case sent from the ledger is told there; the case's page says what and why
    this.pool.refusals.onUnwatched = () => this.notice.show('refused_elsewhere');
    this.directory = new CaseDirectory({
      storage,
      fetch: fetcher,
      token: () => this.auth.token,
      onUnauthorized: () => this.auth.sessionEnded(),
      deleteLocalCopy: (name) => this.pool.deleteLocalCopy(name),
      onUploaded: () => this.status.acknowledged(Date.now()),
    });
    this.meetings = new MeetingDirectory({
      storage,
      fetch: fetcher,
      token: () => this.auth.token,
      onUnauthorized: () => this.auth.sessionEnded(),
      deleteLocalCopy: (name) => this.pool.deleteLocalCopy(name),
      onUploaded: () => this.status.acknowledged(Date.now()),
    });
    this.attachments = new AttachmentService({
      databases: browserDatabases(),
      fetch: fetcher,
      token: () => this.auth.token,
    });
    this.status = new SyncStatus({
      pool: this.pool,
      cases: this.directory,
      meetings: this.meetings,
      storage,
    });
    this.patch = new DevicePatch({
      socket: this.pool.socket,
      storage,
      source: () => ({ user: this.auth.user, cases: this.directory.rows, meetings: this.meetings.rows }),
      deleteCopy: (name) => this.pool.deleteLocalCopy(name),
      onRefused: (name) => this.#refused(name),
      existingCopies: listedDatabases,
    });
    // a page that opens a kept document takes over its channel, and gives it back (SPEC W-PATCH-3)
    this.pool.onOpenChanged((name, open) => {
      if (open) this.patch.keeper.stepAside(name);
      else void this.patch.keeper.takeBack(name);
    });
    this.people = new StaffDirectory({
      storage,
      fetch: fetcher,
      token: () => this.auth.token,
      onUnauthorized: () => this.auth.sessionEnded(),
    });
    if (this.auth.user) void this.storage.requestPersistence();
    // a sign-out cut short (the page closed mid-way) left local copies behind: they go now
    else if (storage) void this.#erase([], () => this.auth.user !== null);
  }

  /** The server says a document is not (or no longer) the person's (4403). */
  #refused(name: DocName): void {
    // it leaves the device, unless something of it waits to be sent
    if (name.startsWith('meeting:')) {
      const removed = this.meetings.forget(name);
      this.notice.show(removed ? 'meeting_refused_removed' : 'meeting_refused_kept');
    } else {
      const removed = this.directory.forget(name);
      this.notice.show(removed ? 'case_refused_removed' : 'case_refused_kept');
    }
    // the person's rights changed, or were never this wide: the list shows what is theirs now
    void this.auth.refreshUser();
    void this.directory.refresh();
    void this.meetings.refresh();
  }

  /** Called once, by the root layout. */
  static provide(): AppServices {
    return setContext(key, new AppServices());
  }

  static get(): AppServices {
    const services = getContext<AppServices | undefined>(key);
    if (!services) throw new Error('AppServices.get() outside the root layout');
    return services;
  }

  /**
   * What signing out now would lose: the cases and meetings edited here that the server has not acknowledged
   * (SPEC W-SIGNOUT-1).
   */
  unsentWork(): UnsentWork[] {
    return unsentWork({
      cases: this.directory.rows,
      meetings: this.meetings.rows,
      open: this.pool.openDocStates(),
    });
  }

  /**
   * Signs out and leaves nothing of the person on the device: every document closes, every local copy and kept
   * list goes (the language choice stays), and the server ends the session (SPEC W-SIGNOUT-2). Whatever was
   * unsent is lost; the caller warned first.
   */
  async signOut(): Promise<void> {
    const known = [...this.directory.rows, ...this.meetings.rows].map((row) => row.name);
    // the sign-in form shows at once; the server ends the session meanwhile
    const ended = this.auth.signOut();
    this.patch.stop();
    const opened = this.pool.closeAll();
    this.directory.clear();
    this.meetings.clear();
    this.people.clear();
    await this.attachments.close();
    await this.#erase([...known, ...opened]);
    await ended;
  }

  async #erase(known: DocName[], stop?: () => boolean): Promise<void> {
    const failed = await eraseDeviceData(this.#localStorage, browserDatabases(), known, stop);
    // they are tried again at the next start with nobody signed in
    if (failed.length > 0) console.error('local copies left on this device after sign-out', failed);
  }

  /** Refreshes the lists, then sends whatever was recorded offline. */
  async resync(): Promise<void> {
    this.pool.reconnectAll();
    await Promise.all([
      this.directory.refresh(),
      this.meetings.refresh(),
      this.auth.refreshUser(),
      this.people.refresh(),
    ]);
    this.attachments.kick();
    await this.patch.refresh();
    if (this.directory.source === 'server') await sendPendingCases(this.directory, this.pool);
    if (this.meetings.source === 'server') await sendPendingCases(this.meetings, this.pool);
  }
}

function browserDatabases(): IDBFactory | null {
  try {
    return window.indexedDB;
  } catch (error) {
    console.warn('no IndexedDB on this device', error);
    return null;
  }
}

/** The databases the browser lists: the copies a page made before the keeper knew of them. */
async function listedDatabases(): Promise<ReadonlySet<string>> {
  const databases = browserDatabases();
  // `databases()` is missing from older browsers: the keeper then fetches what it does not know of
  if (!databases || typeof databases.databases !== 'function') return new Set();
  return new Set((await databases.databases()).flatMap((d) => (d.name === undefined ? [] : [d.name])));
}

function storageManager(): StorageManager | null {
  // missing over plain http, other than on localhost
  return 'storage' in navigator ? navigator.storage : null;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch (error) {
    console.warn('no local storage on this device', error);
    return null;
  }
}
