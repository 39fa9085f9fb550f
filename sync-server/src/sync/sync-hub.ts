import { randomUUID } from 'node:crypto';
import { closeCode, type CloseCode } from '@concord/shared/sync/close-codes.ts';
import { beatIntervalMs } from '@concord/shared/sync/extensions.ts';
import { errorFields, type LogFields, type Logger } from '../logger.ts';
import type { DocStore } from '../storage/doc-store.ts';
import { DocAccess } from '../access/doc-access.ts';
import type { AccountEvent, Fanout } from '../fanout/fanout.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { Account } from '../auth/account-store.ts';
import { publicUser, type AuthenticatedUser } from '../auth/auth-service.ts';
import { Persister } from './persister.ts';
import { RoomRegistry } from './room-registry.ts';
import { SyncMetrics } from '../metrics.ts';
import { MeetingLinkBridge } from '../meetings/meeting-links.ts';
import {
  defaultSessionLimits,
  SyncSession,
  type SessionLimits,
  type SessionRequest,
  type SyncSocket,
} from './session.ts';

/** What one multiplexed socket may do (SPEC S-MUX-5), and whether the frames of one turn share a message. */
export interface MuxLimits {
  maxChannels: number;
  packFrames: boolean;
}

export const defaultMuxLimits: MuxLimits = { maxChannels: 5000, packFrames: true };

/** A multiplexed socket as the hub sees it: its channels are sessions, the socket itself beats and closes whole. */
export interface MuxPeer {
  readonly user: AuthenticatedUser;
  updateUser(user: AuthenticatedUser): void;
  /** One beat for the whole socket (SPEC S-MUX-4). */
  beat(): void;
  close(code: CloseCode, reason: string): void;
}

/** Everything the sync endpoint needs, built once per server: the rooms, the persister and the open sessions. */
export class SyncHub {
  readonly rooms: RoomRegistry;
  readonly #persister: Persister;
  readonly #logger: Logger;
  /** Carries meetings' decisions into cases and completion both ways (SPEC M-LINK-1, M-LINK-2). */
  readonly meetingLinks: MeetingLinkBridge;
  readonly #sessions = new Set<SyncSession>();
  readonly #muxes = new Set<MuxPeer>();
  readonly mux: MuxLimits;

  readonly metrics: SyncMetrics;
  /** Decides who may open what (SPEC A-RIGHT-9). */
  readonly access: DocAccess;
  readonly #limits: SessionLimits;
  readonly #now: () => number;
  readonly #expirySweep: NodeJS.Timeout;
  /** One timer for every socket's heartbeat (SPEC S-BEAT-1), null when turned off. */
  readonly #beat: NodeJS.Timeout | null;
  readonly #fanout: Fanout | null;
  readonly #findAccount: ((id: AccountId) => Promise<Account | null>) | null;
  #stopFollowing: (() => Promise<void>) | null = null;

  constructor(options: {
    store: DocStore;
    logger: Logger;
    metrics?: SyncMetrics;
    limits?: SessionLimits;
    compactAfterUpdates?: number;
    /** How long what compaction merges stays readable (SPEC S-SNAP-1). */
    retentionDays?: number;
    maxLoadedDocs?: number;
    fanout?: Fanout;
    /** Reads an account from the store every instance shares, when another instance says it changed. */
    findAccount?: (id: AccountId) => Promise<Account | null>;
    /** How often sockets of ended sessions are looked for (SPEC A-REVOKE-1). */
    sessionSweepMs?: number;
    /** How often a heartbeat goes to every socket that asked for acks (SPEC S-BEAT-1); 0 turns it off. */
    beatIntervalMs?: number;
    now?: () => number;
    mux?: MuxLimits;
  }) {
    this.mux = options.mux ?? defaultMuxLimits;
    this.#now = options.now ?? Date.now;
    this.#fanout = options.fanout ?? null;
    this.#findAccount = options.findAccount ?? null;
    this.#logger = options.logger;
    this.metrics = options.metrics ?? new SyncMetrics();
    this.#limits = options.limits ?? defaultSessionLimits;
    this.#persister = new Persister({ store: options.store, logger: options.logger, metrics: this.metrics });
    this.rooms = new RoomRegistry({
      store: options.store,
      persister: this.#persister,
      logger: options.logger,
      metrics: this.metrics,
      ...(options.compactAfterUpdates === undefined
        ? {}
        : { compactAfterUpdates: options.compactAfterUpdates }),
      ...(options.maxLoadedDocs === undefined ? {} : { maxLoadedDocs: options.maxLoadedDocs }),
      ...(options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays }),
      ...(options.fanout === undefined ? {} : { fanout: options.fanout }),
      onFactsChanged: (room) => {
        void this.#recheck([...this.#sessions].filter((s) => s.docName === room.name));
      },
      onLoaded: (room) => this.meetingLinks.loaded(room),
      onSaved: (room, batch) => this.meetingLinks.saved(room, batch),
    });
    this.meetingLinks = new MeetingLinkBridge({ rooms: this.rooms, logger: options.logger });
    this.access = new DocAccess(options.store, this.rooms);
    this.#expirySweep = setInterval(() => this.#closeExpired(), options.sessionSweepMs ?? 5000);
    this.#expirySweep.unref();
    const beatEvery = options.beatIntervalMs ?? beatIntervalMs;
    this.#beat = beatEvery > 0 ? setInterval(() => this.#beatAll(), beatEvery) : null;
    this.#beat?.unref();
    this.metrics.gauge('concord_connections', 'Open sync sockets', () => this.#sessions.size);
    this.metrics.gauge('concord_loaded_docs', 'Documents loaded in memory', () => this.rooms.loadedCount);
  }

  get sessionCount(): number {
    return this.#sessions.size;
  }

  /** What one socket may send (SPEC S-LIMIT-1); a multiplexed socket counts its messages against it too. */
  get limits(): SessionLimits {
    return this.#limits;
  }

  /** A multiplexed socket opened; the returned function forgets it once it closes. */
  attachMux(peer: MuxPeer): () => void {
    this.#muxes.add(peer);
    return () => this.#muxes.delete(peer);
  }

  open(request: SessionRequest, socket: SyncSocket): SyncSession {
    const session = new SyncSession({
      id: randomUUID(),
      request,
      socket,
      registry: this.rooms,
      logger: this.#logger,
      limits: this.#limits,
      onReject: (code) => this.metrics.framesRejected.inc(1, { code: String(code) }),
      onDroppedUpdate: () => this.metrics.updatesDropped.inc(),
      onRefused: (count) => this.metrics.changesRefused.inc(count),
      now: this.#now,
    });
    this.#sessions.add(session);
    // a reconnect opens a thousand channels at once: their comings and goings are for debugging, the socket's are not
    this.#logSocket(session, 'opened', {
      doc: request.docName,
      session: session.id,
      user: request.user.username,
    });
    session.start();
    return session;
  }

  closed(session: SyncSession, code: number): void {
    this.#sessions.delete(session);
    session.closed();
    this.#logSocket(session, 'closed', { doc: session.docName, session: session.id, code });
  }

  #logSocket(session: SyncSession, event: 'opened' | 'closed', fields: LogFields): void {
    if (session.isChannel) this.#logger.debug(`channel ${event}`, fields);
    else this.#logger.info(`socket ${event}`, fields);
  }

  /** The socket library reported an error and closes the socket; say why, and count a refused frame. */
  socketFailed(session: SyncSession, error: unknown): void {
    const tooBig = error instanceof RangeError && /max payload/i.test(error.message);
    if (tooBig) this.metrics.framesRejected.inc(1, { code: String(closeCode.messageTooBig) });
    this.#logger.warn(tooBig ? 'frame rejected' : 'socket error', {
      ...errorFields(error),
      doc: session.docName,
      session: session.id,
      user: session.user.username,
      ...(tooBig ? { code: closeCode.messageTooBig } : {}),
    });
  }

  /**
   * An account changed (disabled, moved, given another role): its sockets close with 4401 if it may no longer
   * sign in, else each gets the rights the person now has (SPEC A-REVOKE-1); the other instances are told, so
   * theirs do the same (SPEC A-REVOKE-3).
   */
  async accountChanged(account: Account): Promise<void> {
    this.#fanout?.publishAccountEvent({ kind: 'accountChanged', accountId: account.id });
    await this.#followAccount(account.id, account);
  }

  /** A session was ended (signed out, password changed): its sockets close with 4401, here and elsewhere. */
  sessionEnded(sessionId: string): void {
    this.#fanout?.publishAccountEvent({ kind: 'sessionEnded', sessionId });
    this.#closeSession(sessionId);
  }

  /**
   * Follows the account events of the other instances on the same database and Redis (SPEC A-REVOKE-3); a no-op
   * on one machine. Call once, after construction.
   */
  async followOtherInstances(): Promise<void> {
    if (!this.#fanout) return;
    this.#stopFollowing = await this.#fanout.subscribeAccountEvents((event) => {
      this.#onAccountEvent(event).catch((error: unknown) => {
        this.#logger.error('account event not followed', { ...errorFields(error), kind: event.kind });
      });
    });
  }

  async #onAccountEvent(event: AccountEvent): Promise<void> {
    if (event.kind === 'sessionEnded') {
      this.#closeSession(event.sessionId);
      return;
    }
    const id = event.accountId as AccountId;
    if (!this.#findAccount || ![...this.#sessions, ...this.#muxes].some((s) => s.user.id === id)) return;
    await this.#followAccount(id, await this.#findAccount(id));
  }

  /** Applies an account as stored now to its sockets here; an account no longer stored signs in nowhere. */
  async #followAccount(id: AccountId, account: Account | null): Promise<void> {
    const affected = [...this.#sessions].filter((s) => s.user.id === id);
    const muxes = [...this.#muxes].filter((m) => m.user.id === id);
    if (!account || account.disabled) {
      for (const s of [...affected, ...muxes]) s.close(closeCode.unauthorized, 'account disabled');
      return;
    }
    for (const s of [...affected, ...muxes]) s.updateUser({ ...s.user, ...publicUser(account) });
    await this.#recheck(affected);
  }

  #closeSession(sessionId: string): void {
    for (const s of [...this.#sessions, ...this.#muxes]) {
      if (s.user.sessionId === sessionId) s.close(closeCode.unauthorized, 'signed out');
    }
  }

  async #recheck(sessions: readonly SyncSession[]): Promise<void> {
    for (const s of sessions) {
      try {
        s.setAccess(await this.access.decide(s.user, s.docName, s.kind));
      } catch (error) {
        // when rights cannot be decided, the socket cannot stay open on the old ones
        this.#logger.error('rights could not be re-checked', { ...errorFields(error), doc: s.docName });
        s.close(closeCode.internalError, 'rights could not be checked');
      }
    }
  }

  #beatAll(): void {
    for (const s of this.#sessions) s.beat();
    for (const m of this.#muxes) m.beat();
  }

  #closeExpired(): void {
    const now = this.#now();
    for (const s of [...this.#sessions, ...this.#muxes]) {
      if (s.user.sessionExpiresAt <= now) s.close(closeCode.unauthorized, 'sign-in expired');
    }
  }

  /** Closes every socket with 1012 (clients come back to the restarted server), then saves and unloads all. */
  async shutdown(): Promise<void> {
    // a multiplexed socket's channels leave the hub as it closes: wait for them too
    const sessions = [...this.#sessions];
    for (const mux of [...this.#muxes]) mux.close(closeCode.serviceRestart, 'server restarting');
    for (const session of this.#sessions) session.close(closeCode.serviceRestart, 'server restarting');
    await Promise.all(sessions.map((s) => s.settled()));
    this.#sessions.clear();
    await this.#persister.idle();
    await this.meetingLinks.idle();
    await this.#persister.idle();
    clearInterval(this.#expirySweep);
    if (this.#beat) clearInterval(this.#beat);
    await this.#stopFollowing?.();
    await this.rooms.unloadAll();
    this.#persister.stop();
  }
}
