import { silentLinkMs } from '@concord/shared/sync/extensions.ts';

/** What the watchdog needs to know of one socket. */
export interface WatchedLink {
  /** The socket is open. */
  readonly connected: boolean;
  /**
   * The server has sent a heartbeat on this socket (SPEC S-BEAT-1). Only then is silence a sign of a dead link:
   * a server that sends none would otherwise see every quiet socket dropped.
   */
  readonly heardBeat: boolean;
  /** When the socket last received anything, in the clock's milliseconds. */
  readonly lastHeardAt: number;
  /** Closes the socket so that the provider reconnects. */
  drop(): void;
}

/** True when an open socket that hears beats has heard nothing for longer than `silentMs`. */
export function isSilent(link: WatchedLink, now: number, silentMs: number = silentLinkMs): boolean {
  return link.connected && link.heardBeat && now - link.lastHeardAt > silentMs;
}

/**
 * Drops sockets whose link died without a close (a phone that lost its signal, a router that forgot the
 * connection): the browser may take minutes to notice, y-websocket 30 s; the server's beats make it 5 s.
 * One timer for every open document.
 */
export class SilenceWatchdog {
  readonly #links: () => Iterable<WatchedLink>;
  readonly #now: () => number;
  readonly #silentMs: number;

  constructor(options: { links: () => Iterable<WatchedLink>; now?: () => number; silentMs?: number }) {
    this.#links = options.links;
    this.#now = options.now ?? Date.now;
    this.#silentMs = options.silentMs ?? silentLinkMs;
  }

  /** Looks at every link once and drops the silent ones; returns how many it dropped. */
  check(): number {
    const now = this.#now();
    let dropped = 0;
    for (const link of this.#links()) {
      if (!isSilent(link, now, this.#silentMs)) continue;
      link.drop();
      dropped++;
    }
    return dropped;
  }

  /** Checks every `everyMs` until the returned function is called. */
  start(everyMs = 1000): () => void {
    const timer = setInterval(() => this.check(), everyMs);
    return () => clearInterval(timer);
  }
}
