import { getContext, setContext } from 'svelte';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import { AuthState } from './auth/auth-state.svelte.ts';
import { CaseDirectory } from './cases/case-directory.svelte.ts';
import { sendPendingCases } from './cases/outbox.ts';
import { MeetingDirectory } from './meetings/meeting-directory.svelte.ts';
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
  /** Online or not, what waits to be sent, when the server last took an edit (SPEC W-STATUS-1, W-STATUS-2). */
  readonly status: SyncStatus;

  private constructor() {
    const storage = browserStorage();
    const fetcher = window.fetch.bind(window);
    this.auth = new AuthState({
      storage,
      fetch: fetcher,
      onToken: (token) => {
        this.pool.setToken(token);
        void this.resync();
      },
    });
    this.pool = new DocPool({
      serverUrl: syncServerUrl(window.location),
      token: this.auth.token,
      onRefused: (code, name) => {
        if (code === closeCode.unauthorized) this.auth.sessionEnded();
        else if (code === closeCode.forbidden) {
          // not (or no longer) the person's: it leaves the device, unless something of it waits to be sent
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
        } else console.warn('the server closed a document for good', code);
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
    this.status = new SyncStatus({
      pool: this.pool,
      cases: this.directory,
      meetings: this.meetings,
      storage,
    });
    this.people = new StaffDirectory({
      storage,
      fetch: fetcher,
      token: () => this.auth.token,
      onUnauthorized: () => this.auth.sessionEnded(),
    });
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

  /** Refreshes the lists, then sends whatever was recorded offline. */
  async resync(): Promise<void> {
    this.pool.reconnectAll();
    await Promise.all([
      this.directory.refresh(),
      this.meetings.refresh(),
      this.auth.refreshUser(),
      this.people.refresh(),
    ]);
    if (this.directory.source === 'server') await sendPendingCases(this.directory, this.pool);
    if (this.meetings.source === 'server') await sendPendingCases(this.meetings, this.pool);
  }
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch (error) {
    console.warn('no local storage on this device', error);
    return null;
  }
}
