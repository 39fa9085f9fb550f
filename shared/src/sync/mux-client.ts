import type { DocName } from './doc-name.ts';
import { silentLinkMs } from './extensions.ts';
import { Channel, type MuxInternals } from './mux-channel.ts';
import { encodeClose, encodeOpen, packFrames, readFrames, type MuxFrame } from './mux-frames.ts';
import type { MuxChannel, MuxChannelHandler, MuxSocketLike, MuxSocketOptions } from './mux-types.ts';
import { reconnectDelay as jitteredDelay } from './reconnect.ts';

export type { MuxChannel, MuxChannelHandler, MuxSocketLike, MuxSocketOptions } from './mux-types.ts';

/** WebSocket `readyState` of an open socket. */
const socketOpen = 1;
/** The code handlers hear when this side dropped the socket (no close frame was received). */
const droppedCode = 1006;
/** A message grows past this only by one frame: one burst of large updates must not reach the server's limit. */
const softMessageBytes = 1 << 20;
const watchdogEveryMs = 1000;

type Status = 'disconnected' | 'connecting' | 'connected';

/** One WebSocket message of `frames`, on a buffer of its own as the browser's `send` wants. */
function message(frames: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const packed = packFrames(frames);
  const bytes = new Uint8Array(packed.byteLength);
  bytes.set(packed);
  return bytes;
}

/**
 * The multiplexed sync socket (SPEC S-MUX-1): one WebSocket carrying many documents' channels, reconnecting with
 * backoff, reopening every channel in one message, and dropping a link that went silent (SPEC S-BEAT-1).
 */
export class MuxSocket {
  readonly #url: string;
  #params: Record<string, string>;
  readonly #createSocket: (url: string) => MuxSocketLike;
  readonly #delay: (failures: number) => number;
  readonly #silentMs: number;
  readonly #logger: { warn(message: string, ...details: unknown[]): void };
  readonly #byName = new Map<DocName, Channel>();
  readonly #byNumber = new Map<number, Channel>();
  readonly #listeners = new Set<() => void>();
  readonly #internals: MuxInternals;
  #ws: MuxSocketLike | null = null;
  #status: Status = 'disconnected';
  /** Channel numbers only grow, so a late frame of a released channel is never read as another's (S-MUX-1). */
  #nextNumber = 1;
  #outbox: Uint8Array[] = [];
  #flushQueued = false;
  #failures = 0;
  #heardOnThisSocket = false;
  #lastHeardAt = 0;
  #heardBeat = false;
  #signInEnded = false;
  /** stop() was called: closed until setParams(). */
  #stopped = false;
  #destroyed = false;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #watchdog: ReturnType<typeof setInterval> | null = null;

  constructor(options: MuxSocketOptions) {
    this.#url = options.url;
    this.#params = { ...options.params };
    this.#createSocket = options.createSocket ?? ((url) => new globalThis.WebSocket(url));
    this.#delay = options.reconnectDelay ?? ((failures) => jitteredDelay(failures, Math.random));
    this.#silentMs = options.silentLinkMs ?? silentLinkMs;
    this.#logger = options.logger ?? console;
    this.#internals = {
      connected: () => this.connected,
      queue: (frame) => this.#queue(frame),
      openChannel: (channel) => this.#openChannel(channel),
      release: (channel) => this.#release(channel),
    };
  }

  get connected(): boolean {
    return this.#status === 'connected';
  }

  get connecting(): boolean {
    return this.#status === 'connecting';
  }

  /** Closes since the server last answered; the backoff grows with it. */
  get failures(): number {
    return this.#failures;
  }

  /** When anything last arrived, by `Date.now()`. */
  get lastHeardAt(): number {
    return this.#lastHeardAt;
  }

  /** This socket heard a beat since it opened: only then is silence a dead link. */
  get heardBeat(): boolean {
    return this.#heardBeat;
  }

  /** The server closed the socket with 4401: it stays closed until setParams() brings new credentials. */
  get signInEnded(): boolean {
    return this.#signInEnded;
  }

  on(_event: 'status', listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Connects now, instead of at the next backoff step; nothing while open or connecting, or after a 4401 or stop(). */
  connect(): void {
    if (this.#destroyed || this.#signInEnded || this.#stopped || this.#ws !== null) return;
    this.#cancelRetry();
    const query = new URLSearchParams(this.#params).toString();
    const ws = this.#createSocket(query ? `${this.#url}?${query}` : this.#url);
    ws.binaryType = 'arraybuffer';
    this.#ws = ws;
    this.#heardOnThisSocket = false;
    this.#heardBeat = false;
    ws.onopen = () => {
      if (this.#ws === ws) this.#opened();
    };
    ws.onmessage = (event) => {
      if (this.#ws === ws) this.#received(event.data);
    };
    ws.onclose = (event) => {
      if (this.#ws === ws) this.#closed(event.code, event.reason);
    };
    // a close follows every error, and is where it is handled
    ws.onerror = () => undefined;
    this.#setStatus('connecting');
  }

  /** Drops the socket at once, without waiting for a closing handshake a dead link never answers, and retries. */
  disconnect(): void {
    if (this.#ws === null) return;
    this.#detach();
    this.#closed(droppedCode, 'dropped');
  }

  /** Closes the socket, and keeps it closed until setParams(): the person signed out. */
  stop(): void {
    this.#stopped = true;
    this.#cancelRetry();
    if (this.#ws === null) return;
    this.#detach();
    this.#closed(droppedCode, 'stopped');
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#cancelRetry();
    if (this.#ws !== null) {
      this.#detach();
      this.#closed(droppedCode, 'destroyed');
    }
    this.#listeners.clear();
  }

  /** New credentials: reconnects at once, reopening every channel, the ones the server closed too. */
  setParams(params: Record<string, string>): void {
    this.#params = { ...params };
    this.#signInEnded = false;
    this.#stopped = false;
    for (const channel of this.#byName.values()) channel.closedByServer = false;
    if (this.#ws !== null) {
      this.#detach();
      this.#closed(droppedCode, 'new credentials');
    }
    this.#failures = 0;
    this.connect();
  }

  channel(name: DocName, handler: MuxChannelHandler): MuxChannel {
    if (this.#byName.has(name)) throw new Error(`${name} already has a channel on this socket`);
    const channel = new Channel(name, handler, this.#internals);
    this.#byName.set(name, channel);
    if (this.connected) this.#openChannel(channel);
    return channel;
  }

  #opened(): void {
    this.#lastHeardAt = Date.now();
    // the channels are open when the status listeners hear of it
    this.#status = 'connected';
    // every channel's open frame goes out in the one message the queue sends this turn
    for (const channel of [...this.#byName.values()]) {
      if (!channel.closedByServer && !channel.released && channel.number === null) this.#openChannel(channel);
    }
    this.#watchdog = setInterval(() => this.#checkSilence(), watchdogEveryMs);
    this.#tellStatus();
  }

  #openChannel(channel: Channel): void {
    const number = this.#nextNumber++;
    channel.number = number;
    this.#byNumber.set(number, channel);
    channel.early = [];
    let opening: { flags: number; stateVector: Uint8Array };
    try {
      opening = channel.handler.opening();
    } catch (error) {
      channel.early = null;
      channel.number = null;
      this.#byNumber.delete(number);
      throw error;
    }
    const early = channel.early;
    channel.early = null;
    // released from inside opening(): nothing of it goes out
    if (channel.number !== number) return;
    this.#queue(encodeOpen(number, channel.name, opening.flags, opening.stateVector));
    for (const frame of early) this.#queue(frame);
  }

  #release(channel: Channel): void {
    if (this.#byName.get(channel.name) === channel) this.#byName.delete(channel.name);
    const number = channel.number;
    if (number === null) return;
    channel.number = null;
    this.#byNumber.delete(number);
    // a channel released while it opens never had its open frame sent
    if (this.connected && channel.early === null) this.#queue(encodeClose(number));
  }

  #received(data: unknown): void {
    this.#lastHeardAt = Date.now();
    const bytes =
      data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null;
    const read = bytes ? readFrames(bytes) : { ok: false as const, reason: 'not a binary message' };
    if (!read.ok) {
      this.#logger.warn('the sync server sent a message this version cannot read', read.reason);
      this.disconnect();
      return;
    }
    if (!this.#heardOnThisSocket) {
      // the server answers: the backoff starts over at the next failure
      this.#heardOnThisSocket = true;
      this.#failures = 0;
    }
    for (const frame of read.frames) this.#frame(frame);
  }

  #frame(frame: MuxFrame): void {
    switch (frame.type) {
      case 'beat':
        this.#heardBeat = true;
        return;
      case 'message':
        // a late frame of a released channel finds none
        this.#byNumber.get(frame.channel)?.handler.message(frame.message);
        return;
      case 'closed': {
        const channel = this.#byNumber.get(frame.channel);
        if (!channel) return;
        this.#byNumber.delete(frame.channel);
        channel.number = null;
        channel.closedByServer = true;
        channel.handler.closed(frame.code, frame.reason, true);
        return;
      }
      case 'open':
      case 'close':
        this.#logger.warn('the sync server sent a frame only a client sends', frame.type);
        return;
    }
  }

  #checkSilence(): void {
    if (this.connected && this.#heardBeat && Date.now() - this.#lastHeardAt > this.#silentMs)
      this.disconnect();
  }

  /** Stops hearing the current socket and closes it without waiting for its close. */
  #detach(): void {
    const ws = this.#ws;
    if (ws === null) return;
    ws.onopen = null;
    ws.onmessage = null;
    ws.onclose = null;
    // closing a socket still connecting reports an error: it is expected, and ws would throw it if unheard
    ws.onerror = () => undefined;
    ws.close();
  }

  #closed(code: number, reason: string): void {
    this.#ws = null;
    this.#outbox = [];
    if (this.#watchdog !== null) clearInterval(this.#watchdog);
    this.#watchdog = null;
    this.#heardBeat = false;
    this.#byNumber.clear();
    this.#failures++;
    if (code === 4401) this.#signInEnded = true;
    // the channels are closed when the status listeners hear of it
    this.#status = 'disconnected';
    for (const channel of [...this.#byName.values()]) {
      if (channel.closedByServer || channel.released) continue;
      channel.number = null;
      channel.handler.closed(code, reason, false);
    }
    this.#tellStatus();
    // a handler may have connected again already
    if (this.#destroyed || this.#signInEnded || this.#stopped || this.connecting) return;
    this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    this.#cancelRetry();
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.connect();
    }, this.#delay(this.#failures));
  }

  #cancelRetry(): void {
    if (this.#retry !== null) clearTimeout(this.#retry);
    this.#retry = null;
  }

  #queue(frame: Uint8Array): void {
    this.#outbox.push(frame);
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => this.#flush());
  }

  #flush(): void {
    this.#flushQueued = false;
    const frames = this.#outbox;
    this.#outbox = [];
    const ws = this.#ws;
    if (ws === null || ws.readyState !== socketOpen || frames.length === 0) return;
    let batch: Uint8Array[] = [];
    let bytes = 0;
    for (const frame of frames) {
      if (batch.length > 0 && bytes + frame.length > softMessageBytes) {
        ws.send(message(batch));
        batch = [];
        bytes = 0;
      }
      batch.push(frame);
      bytes += frame.length;
    }
    ws.send(message(batch));
  }

  #setStatus(status: Status): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#tellStatus();
  }

  #tellStatus(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
