import type { DocName } from './doc-name.ts';

/** A handler property the socket calls with its own event type (browser `WebSocket` and `ws` differ). */
export type SocketHandler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The part of a WebSocket the client uses: the browser's `WebSocket` and `ws` both fit. */
export interface MuxSocketLike {
  binaryType: string;
  readyState: number;
  send(data: Uint8Array<ArrayBuffer>): void;
  close(code?: number, reason?: string): void;
  onopen: SocketHandler<unknown> | null;
  onmessage: SocketHandler<{ data: unknown }> | null;
  onclose: SocketHandler<{ code: number; reason: string }> | null;
  onerror: SocketHandler<unknown> | null;
}

export interface MuxSocketOptions {
  /** `ws(s)://host/sync` */
  url: string;
  /** Query parameters, e.g. `{ token }`. */
  params: Record<string, string>;
  /** Default: `new globalThis.WebSocket(url)`. */
  createSocket?: (url: string) => MuxSocketLike;
  /** How long to wait before the next attempt after `failures` failed ones (default: jittered backoff). */
  reconnectDelay?: (failures: number) => number;
  /** Drop the socket when nothing was heard this long after a beat (SPEC S-BEAT-1). */
  silentLinkMs?: number;
  /** Where what the server sent that cannot be read is told. */
  logger?: { warn(message: string, ...details: unknown[]): void };
}

export interface MuxChannelHandler {
  /**
   * Called at every (re)open of the channel: what its open frame carries. Messages the handler sends from here go
   * out right after the open frame, in the same WebSocket message.
   */
  opening(): { flags: number; stateVector: Uint8Array };
  /** One y-websocket message of the channel's document from the server. */
  message(message: Uint8Array): void;
  /**
   * The channel closed: by the server (`closed` frame, byServer true; it stays closed until reopen()) or because the
   * socket closed (byServer false; it reopens by itself when the socket is back).
   */
  closed(code: number, reason: string, byServer: boolean): void;
}

export interface MuxChannel {
  readonly name: DocName;
  /** Open on a connected socket. */
  readonly open: boolean;
  /** Dropped when not open. */
  send(message: Uint8Array): void;
  /** After a server close: opens again under a new channel number. */
  reopen(): void;
  /** Sends close; the name may be taken again at once. */
  release(): void;
}
