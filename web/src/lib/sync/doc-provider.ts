import type * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * Reads one message of a type from the server and writes any reply into `encoder` (after its type). The same
 * signature as y-websocket's handlers, so a tracker may wrap or replace one.
 */
export type DocMessageHandler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: DocProvider,
  /** The message came from the server (not from another copy of the document on this device). */
  fromServer: boolean,
  messageType: number,
) => void;

export type DocProviderStatus = 'connected' | 'connecting' | 'disconnected';

/** A document's connection closed, or an attempt to open it failed. */
export interface DocConnectionClose {
  code: number;
  reason: string;
  /** The server closed this document alone; otherwise the socket closed. */
  byServer: boolean;
}

// a type, not an interface: lib0's observable wants an index signature of its events
export type DocProviderEvents = {
  status: (event: { status: DocProviderStatus }) => void;
  sync: (synced: boolean) => void;
  'connection-close': (close: DocConnectionClose) => void;
};

/**
 * What the app uses of a document's server connection: the part of y-websocket's `WebsocketProvider` it always
 * used, so trackers, presence and sessions read a document's connection the same way whatever carries it.
 */
export interface DocProvider {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The document is open on a connected socket. */
  readonly wsconnected: boolean;
  /** The socket is being opened and the document will open on it. */
  readonly wsconnecting: boolean;
  /** The server has answered this device's state vector since the document last opened. */
  readonly synced: boolean;
  /** Closes and failed attempts since the document last synced. */
  readonly wsUnsuccessfulReconnects: number;
  /** When the socket last heard anything, by `Date.now()`. */
  readonly wsLastMessageReceived: number;
  /** Readers of the server's messages, by message type. */
  readonly messageHandlers: DocMessageHandler[];
  on<E extends keyof DocProviderEvents>(event: E, listener: DocProviderEvents[E]): unknown;
  off<E extends keyof DocProviderEvents>(event: E, listener: DocProviderEvents[E]): unknown;
  connect(): void;
  disconnect(): void;
  destroy(): void;
}
