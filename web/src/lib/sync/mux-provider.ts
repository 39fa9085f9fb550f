import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ObservableV2 } from 'lib0/observable';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { messageType } from '@concord/shared/sync/message-types.ts';
import type { MuxChannel, MuxChannelHandler, MuxSocket } from '@concord/shared/sync/mux-client.ts';
import { muxOpenFlag } from '@concord/shared/sync/mux-frames.ts';
import { reconnectDelay as jitteredDelay } from '@concord/shared/sync/reconnect.ts';
import type {
  DocConnectionClose,
  DocMessageHandler,
  DocProvider,
  DocProviderEvents,
  DocProviderStatus,
} from './doc-provider.ts';

/** What a page's document asks for: it may hold unsent edits, shows who is here, and reads acks and refusals. */
export const pageDocFlags = muxOpenFlag.extensions | muxOpenFlag.presence | muxOpenFlag.serverState;

export interface MuxProviderOptions {
  /** The server closed the document for good (a 44xx `closed` frame): it stays closed until connect(). */
  onRefused?: (code: number) => void;
  /** How long to wait before reopening a document the server let go for now (1011, 1013). */
  reconnectDelay?: (failures: number) => number;
  logger?: { warn(message: string, ...details: unknown[]): void };
}

/**
 * One document's sync over a channel of the shared socket (SPEC S-MUX-1): y-websocket's protocol and behaviour,
 * with the state vector in the channel's open frame, so the server's first answer is what this device lacks.
 */
export class MuxProvider extends ObservableV2<DocProviderEvents> implements DocProvider {
  readonly name: DocName;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly messageHandlers: DocMessageHandler[] = [];
  readonly #socket: MuxSocket;
  readonly #options: MuxProviderOptions;
  readonly #handler: MuxChannelHandler;
  readonly #stopWatchingSocket: () => void;
  #channel: MuxChannel | null = null;
  /** Messages to send once the channel made by connect() is known, because it opened as it was made. */
  #greetOnceMade = false;
  #synced = false;
  #failures = 0;
  /** The code of the server's `closed` frame while the document stays closed. */
  #closedByServer: number | null = null;
  #status: DocProviderStatus = 'disconnected';
  #retry: ReturnType<typeof setTimeout> | null = null;
  #destroyed = false;

  constructor(name: DocName, doc: Y.Doc, socket: MuxSocket, options: MuxProviderOptions = {}) {
    super();
    this.name = name;
    this.doc = doc;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.#socket = socket;
    this.#options = options;
    this.messageHandlers[messageType.sync] = (encoder, decoder, _provider, fromServer) => {
      encoding.writeVarUint(encoder, messageType.sync);
      const read = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      // the answer to the state vector of the open frame: everything the server has is here
      if (fromServer && read === syncProtocol.messageYjsSyncStep2) this.#setSynced(true);
    };
    this.messageHandlers[messageType.awareness] = (_encoder, decoder) => {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    };
    this.messageHandlers[messageType.queryAwareness] = (encoder) => {
      encoding.writeVarUint(encoder, messageType.awareness);
      const clients = [...this.awareness.getStates().keys()];
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    };
    this.messageHandlers[messageType.auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) =>
        this.#warn('the server denied access to', this.name, reason),
      );
    };
    this.#handler = {
      opening: () => this.#opening(),
      message: (message) => this.#receive(message),
      closed: (code, reason, byServer) => this.#closed({ code, reason, byServer }),
    };
    doc.on('update', this.#onDocUpdate);
    this.awareness.on('update', this.#onAwarenessUpdate);
    this.#stopWatchingSocket = socket.on('status', () => this.#updateStatus());
  }

  get wsconnected(): boolean {
    return this.#channel?.open ?? false;
  }

  get wsconnecting(): boolean {
    return (
      !this.wsconnected && this.#channel !== null && this.#closedByServer === null && this.#socket.connecting
    );
  }

  get synced(): boolean {
    return this.#synced;
  }

  get wsUnsuccessfulReconnects(): number {
    return this.#failures;
  }

  get wsLastMessageReceived(): number {
    return this.#socket.lastHeardAt;
  }

  /** Opens the document on the socket, or again at once after the server closed it. */
  connect(): void {
    if (this.#destroyed) return;
    if (this.#channel === null) {
      this.#channel = this.#socket.channel(this.name, this.#handler);
      if (this.#greetOnceMade) {
        this.#greetOnceMade = false;
        this.#greet();
      }
    } else if (this.#closedByServer !== null) {
      this.#cancelRetry();
      this.#closedByServer = null;
      this.#channel.reopen();
    }
    this.#updateStatus();
  }

  /** Lets the document go on the socket; connect() takes it again. */
  disconnect(): void {
    this.#cancelRetry();
    const channel = this.#channel;
    if (channel === null) return;
    this.#channel = null;
    const wasOpen = channel.open;
    channel.release();
    if (this.#closedByServer === null)
      this.#closed({ code: 1000, reason: 'let go', byServer: false }, wasOpen);
    this.#closedByServer = null;
    this.#updateStatus();
  }

  override destroy(): void {
    if (this.#destroyed) return;
    // the others see this person leave now; the awareness update goes out before the channel's close
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'provider destroyed');
    this.disconnect();
    this.#destroyed = true;
    this.#stopWatchingSocket();
    this.doc.off('update', this.#onDocUpdate);
    this.awareness.off('update', this.#onAwarenessUpdate);
    // made here, so ended here: it has a timer of its own
    this.awareness.destroy();
    super.destroy();
  }

  #opening(): { flags: number; stateVector: Uint8Array } {
    this.#cancelRetry();
    this.#closedByServer = null;
    if (this.#channel === null) this.#greetOnceMade = true;
    else this.#greet();
    this.#updateStatus();
    return { flags: pageDocFlags, stateVector: Y.encodeStateVector(this.doc) };
  }

  /** What y-websocket sends when its socket opens, besides its state vector: who is here on this device. */
  #greet(): void {
    if (this.awareness.getLocalState() === null) return;
    this.#sendAwareness([this.doc.clientID]);
  }

  #receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const encoder = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    const handler = this.messageHandlers[type];
    if (!handler) {
      this.#warn('a message of a type this version does not read', this.name, type);
      return;
    }
    handler(encoder, decoder, this, true, type);
    if (encoding.length(encoder) > 1) this.#channel?.send(encoding.toUint8Array(encoder));
  }

  /** `wasOpen`: whether others could see this device's presence, which it now forgets along with theirs. */
  #closed(close: DocConnectionClose, wasOpen = true): void {
    this.#setSynced(false);
    this.#failures++;
    if (wasOpen) {
      const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
      awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
    }
    if (close.byServer) {
      this.#closedByServer = close.code;
      if (close.code >= 4400 && close.code < 4500) this.#options.onRefused?.(close.code);
      else this.#scheduleReopen();
    }
    this.emit('connection-close', [close]);
    this.#updateStatus();
  }

  #scheduleReopen(): void {
    this.#cancelRetry();
    const delay = (this.#options.reconnectDelay ?? ((n) => jitteredDelay(n, Math.random)))(this.#failures);
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (this.#closedByServer === null) return;
      this.#closedByServer = null;
      this.#channel?.reopen();
      this.#updateStatus();
    }, delay);
  }

  #cancelRetry(): void {
    if (this.#retry !== null) clearTimeout(this.#retry);
    this.#retry = null;
  }

  #setSynced(synced: boolean): void {
    if (synced === this.#synced) return;
    this.#synced = synced;
    // a document that synced did useful work: the next close starts the count over
    if (synced) this.#failures = 0;
    this.emit('sync', [synced]);
  }

  #updateStatus(): void {
    const status: DocProviderStatus = this.wsconnected
      ? 'connected'
      : this.wsconnecting
        ? 'connecting'
        : 'disconnected';
    if (status === this.#status) return;
    this.#status = status;
    this.emit('status', [{ status }]);
  }

  readonly #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    this.#channel?.send(encoding.toUint8Array(encoder));
  };

  readonly #onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // only this device's own presence: the server stamps and relays the others' (SPEC S-AWARE-4)
    if (origin === this) return;
    const own = this.doc.clientID;
    if ([changes.added, changes.updated, changes.removed].some((ids) => ids.includes(own)))
      this.#sendAwareness([own]);
  };

  #sendAwareness(clients: number[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    this.#channel?.send(encoding.toUint8Array(encoder));
  }

  #warn(message: string, ...details: unknown[]): void {
    (this.#options.logger ?? console).warn(message, ...details);
  }
}
