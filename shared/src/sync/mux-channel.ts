import type { DocName } from './doc-name.ts';
import { encodeChannelMessage } from './mux-frames.ts';
import type { MuxChannel, MuxChannelHandler } from './mux-types.ts';

/** One document on the socket: its number there, and whether the server closed it. */
export class Channel implements MuxChannel {
  readonly name: DocName;
  readonly handler: MuxChannelHandler;
  readonly #mux: MuxInternals;
  /** The channel number on the current socket, or null while not open there. */
  number: number | null = null;
  closedByServer = false;
  released = false;
  /** Messages sent from `opening()`: they follow the open frame. */
  early: Uint8Array[] | null = null;

  constructor(name: DocName, handler: MuxChannelHandler, mux: MuxInternals) {
    this.name = name;
    this.handler = handler;
    this.#mux = mux;
  }

  get open(): boolean {
    return this.number !== null && this.#mux.connected();
  }

  send(message: Uint8Array): void {
    if (this.number === null || !this.#mux.connected()) return;
    const frame = encodeChannelMessage(this.number, message);
    if (this.early) this.early.push(frame);
    else this.#mux.queue(frame);
  }

  reopen(): void {
    if (this.released || !this.closedByServer) return;
    this.closedByServer = false;
    if (this.#mux.connected()) this.#mux.openChannel(this);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.#mux.release(this);
  }
}

/** What the socket lends its channels, kept off its public surface. */
export interface MuxInternals {
  connected(): boolean;
  queue(frame: Uint8Array): void;
  openChannel(channel: Channel): void;
  release(channel: Channel): void;
}
