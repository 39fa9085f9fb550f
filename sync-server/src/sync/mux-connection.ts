import { closeCode, type CloseCode } from '@concord/shared/sync/close-codes.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import {
  encodeChannelMessage,
  encodeClosed,
  muxBeatFrame,
  packFrames,
  readFrames,
  type MuxFrame,
} from '@concord/shared/sync/mux-frames.ts';
import type { AuthenticatedUser } from '../auth/auth-service.ts';
import { errorFields, type Logger } from '../logger.ts';
import { channelCodes, channelRequest, waitingBytesLimit, type Channel } from './mux-channel.ts';
import { TokenBucket } from './token-bucket.ts';
import type { MuxPeer, SyncHub } from './sync-hub.ts';

/** The WebSocket under a multiplexed connection, whatever library holds it. */
export interface MuxTransport {
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

/**
 * One `/sync` socket carrying many documents (SPEC S-MUX-1): each channel is a sync session of the hub,
 * so rights, the guard, presence, acknowledgements, revocation and shutdown work as on `/sync/<name>`. The
 * frames of one event-loop turn leave as one WebSocket message.
 */
export class MuxConnection implements MuxPeer {
  readonly #hub: SyncHub;
  readonly #transport: MuxTransport;
  readonly #logger: Logger;
  readonly id: string;
  #user: AuthenticatedUser;
  readonly #channels = new Map<number, Channel>();
  readonly #openNames = new Set<DocName>();
  /** Every channel number this socket opened: a number is never taken twice (SPEC S-MUX-1). */
  readonly #usedNumbers = new Set<number>();
  /** WebSocket messages, not frames, count against the rate (SPEC S-LIMIT-1). */
  readonly #rate: TokenBucket;
  readonly #detach: () => void;
  #outgoing: Uint8Array[] = [];
  #flush: NodeJS.Immediate | null = null;
  #open = true;

  constructor(options: {
    id: string;
    hub: SyncHub;
    user: AuthenticatedUser;
    transport: MuxTransport;
    logger: Logger;
  }) {
    this.id = options.id;
    this.#hub = options.hub;
    this.#user = options.user;
    this.#transport = options.transport;
    this.#logger = options.logger;
    this.#rate = new TokenBucket(options.hub.limits.messagesPerSecond);
    this.#detach = options.hub.attachMux(this);
  }

  get user(): AuthenticatedUser {
    return this.#user;
  }

  get channelCount(): number {
    return this.#channels.size;
  }

  updateUser(user: AuthenticatedUser): void {
    this.#user = user;
  }

  /** One WebSocket message: every frame in it, in order. */
  receive(bytes: Uint8Array): void {
    if (!this.#open) return;
    if (!this.#rate.take()) {
      this.#reject(closeCode.rateLimited, 'too many messages');
      return;
    }
    const read = readFrames(bytes);
    if (!read.ok) {
      this.#reject(closeCode.malformedMessage, read.reason);
      return;
    }
    // a reconnect opens every channel and may send each an update: anything past twice that is no client of ours
    if (read.frames.length > this.#hub.mux.maxChannels * 2) {
      this.#reject(closeCode.rateLimited, 'too many frames in one message');
      return;
    }
    for (const frame of read.frames) {
      // a frame before may have closed the socket
      if (this.#isClosed()) return;
      this.#handle(frame);
    }
  }

  #isClosed(): boolean {
    return !this.#open;
  }

  /** The sync protocol is binary; a text frame is a client speaking something else (SPEC S-MUX-2). */
  receiveText(): void {
    this.#reject(closeCode.unsupportedData, 'text frames are not part of the sync protocol');
  }

  beat(): void {
    this.#send(muxBeatFrame);
  }

  /** Closes the whole socket, ending every channel. */
  close(code: CloseCode, reason: string): void {
    if (!this.#open) return;
    this.#flushNow();
    this.#endAll(code);
    this.#transport.close(code, reason);
  }

  /** The WebSocket closed, by either side: every channel ends (presence removed, rooms left). */
  transportClosed(code: number): void {
    if (!this.#open) return;
    this.#endAll(code);
  }

  #handle(frame: MuxFrame): void {
    switch (frame.type) {
      case 'open':
        if (this.#usedNumbers.has(frame.channel)) {
          this.#reject(closeCode.malformedMessage, `channel ${frame.channel} was used already`);
          return;
        }
        if (this.#openNames.has(frame.name)) {
          this.#reject(closeCode.malformedMessage, `${frame.name} is open on this socket already`);
          return;
        }
        if (this.#channels.size >= this.#hub.mux.maxChannels) {
          this.#reject(closeCode.tooManyChannels, 'too many documents open on one socket');
          return;
        }
        this.#openChannel(frame);
        return;
      case 'message': {
        const channel = this.#channels.get(frame.channel);
        if (!channel) {
          this.#unknownChannel(frame.channel);
          return;
        }
        if (channel.session) {
          channel.session.receive(frame.message);
          return;
        }
        channel.waitingBytes += frame.message.length;
        if (channel.waitingBytes > waitingBytesLimit) {
          this.#reject(closeCode.tooMuchEarly, 'too much sent before the document was ready');
          return;
        }
        channel.waiting.push(frame.message);
        return;
      }
      case 'close': {
        const channel = this.#channels.get(frame.channel);
        if (!channel) {
          this.#unknownChannel(frame.channel);
          return;
        }
        this.#endChannel(channel, closeCode.normal);
        return;
      }
      case 'closed':
      case 'beat': {
        this.#reject(closeCode.malformedMessage, `a client does not send ${frame.type} frames`);
        return;
      }
    }
  }

  /**
   * A frame for a channel that is not open: one the server closed is dropped (the client may not have heard of the
   * closing yet), one never opened closes the socket (SPEC S-MUX-2).
   */
  #unknownChannel(number: number): void {
    if (this.#usedNumbers.has(number)) return;
    this.#reject(closeCode.malformedMessage, `channel ${number} is not open`);
  }

  #openChannel(frame: Extract<MuxFrame, { type: 'open' }>): void {
    const channel: Channel = {
      number: frame.channel,
      name: frame.name,
      session: null,
      waiting: [],
      waitingBytes: 0,
    };
    this.#usedNumbers.add(frame.channel);
    this.#openNames.add(frame.name);
    this.#channels.set(frame.channel, channel);
    const user = this.#user;
    this.#hub.access.decide(user, frame.name, frame.kind).then(
      (access) => {
        if (this.#channels.get(channel.number) !== channel) return;
        // the same answer whether the document exists or not (SPEC A-RIGHT-9)
        if (access === 'none') {
          this.#closeChannel(channel, closeCode.forbidden, 'not yours to open');
          return;
        }
        const session = this.#hub.open(channelRequest(frame, user, access), {
          send: (message) => {
            if (this.#channels.get(channel.number) === channel) {
              this.#send(encodeChannelMessage(channel.number, message));
            }
          },
          close: (code, reason) => this.#sessionClosing(channel, code, reason),
        });
        channel.session = session;
        for (const message of channel.waiting.splice(0)) session.receive(message);
      },
      (error: unknown) => {
        this.#logger.error('rights could not be decided', { ...errorFields(error), doc: frame.name });
        if (this.#channels.get(channel.number) === channel) {
          this.#closeChannel(channel, closeCode.internalError, 'rights could not be checked');
        }
      },
    );
  }

  /** A channel's session closes: a close about its document ends the channel, any other the socket. */
  #sessionClosing(channel: Channel, code: CloseCode, reason: string): void {
    if (this.#channels.get(channel.number) !== channel) return;
    if (channelCodes.has(code)) this.#closeChannel(channel, code, reason);
    else this.close(code, reason);
  }

  #closeChannel(channel: Channel, code: CloseCode, reason: string): void {
    this.#send(encodeClosed(channel.number, code, reason));
    this.#endChannel(channel, code);
  }

  #endChannel(channel: Channel, code: number): void {
    this.#channels.delete(channel.number);
    this.#openNames.delete(channel.name);
    if (channel.session) this.#hub.closed(channel.session, code);
  }

  #endAll(code: number): void {
    this.#open = false;
    this.#detach();
    for (const channel of [...this.#channels.values()]) this.#endChannel(channel, code);
    if (this.#flush) clearImmediate(this.#flush);
    this.#flush = null;
    this.#outgoing = [];
  }

  #reject(code: CloseCode, reason: string): void {
    this.#hub.metrics.framesRejected.inc(1, { code: String(code) });
    this.#logger.warn('mux frame rejected', { session: this.id, user: this.#user.username, code, reason });
    this.close(code, reason);
  }

  /** Queues a frame; the frames of one turn go out together once it ends. */
  #send(frame: Uint8Array): void {
    if (!this.#open) return;
    if (!this.#hub.mux.packFrames) {
      this.#transport.send(packFrames([frame]));
      return;
    }
    this.#outgoing.push(frame);
    this.#flush ??= setImmediate(() => this.#flushNow());
  }

  #flushNow(): void {
    if (this.#flush) clearImmediate(this.#flush);
    this.#flush = null;
    if (this.#outgoing.length === 0) return;
    const frames = this.#outgoing;
    this.#outgoing = [];
    this.#transport.send(packFrames(frames));
  }
}
