import type { MuxSocketLike } from './mux-client.ts';
import { packFrames, readFrames, type MuxFrame } from './mux-frames.ts';

/** A test's stand-in for a WebSocket to `/sync`: the test plays the server through it. */
export class FakeSocket implements MuxSocketLike {
  binaryType = 'blob';
  readyState = 0;
  readonly url: string;
  readonly sent: Uint8Array[] = [];
  closedByClient = false;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(url: string) {
    this.url = url;
  }

  send(data: Uint8Array<ArrayBuffer>): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }

  close(): void {
    this.closedByClient = true;
    this.readyState = 3;
  }

  /** The server accepts the socket. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** The server sends one WebSocket message of these frames. */
  deliver(...frames: Uint8Array[]): void {
    const bytes = packFrames(frames);
    this.onmessage?.({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  }

  /** The server (or the network) closes the socket. */
  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  /** Every message sent, read as frames. */
  messages(): MuxFrame[][] {
    return this.sent.map((bytes) => {
      const read = readFrames(bytes);
      if (!read.ok) throw new Error(read.reason);
      return read.frames;
    });
  }
}
