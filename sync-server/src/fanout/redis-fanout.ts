import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { z } from 'zod';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { errorFields, type Logger } from '../logger.ts';
import { accountEventSchema, type AccountEvent, type Fanout, type FanoutMessage } from './fanout.ts';

const kindByte = { update: 0, presence: 1 } as const;

const makeClient = (url: string) => createClient({ url });
type RedisClient = ReturnType<typeof makeClient>;

// every message starts with the sender's id, so an instance ignores its own
const senderBytes = 16;

/** Fan-out over Redis pub/sub: one channel per document, binary messages (SPEC S-SCALE-1). */
export class RedisFanout implements Fanout {
  readonly #publisher: RedisClient;
  readonly #subscriber: RedisClient;
  readonly #logger: Logger;
  readonly #self = randomBytes(senderBytes);
  readonly #prefix: string;

  private constructor(publisher: RedisClient, subscriber: RedisClient, logger: Logger, prefix: string) {
    this.#publisher = publisher;
    this.#subscriber = subscriber;
    this.#logger = logger;
    this.#prefix = prefix;
  }

  /** Connects a publishing and a subscribing client (pub/sub takes a connection of its own). */
  static async connect(url: string, logger: Logger, prefix = 'concord'): Promise<RedisFanout> {
    const publisher = makeClient(url);
    publisher.on('error', (error: unknown) => {
      logger.error('redis publisher error', errorFields(error));
    });
    await publisher.connect();
    const subscriber = makeClient(url);
    subscriber.on('error', (error: unknown) => {
      logger.error('redis subscriber error', errorFields(error));
    });
    await subscriber.connect();
    return new RedisFanout(publisher, subscriber, logger, prefix);
  }

  #channel(doc: DocName): string {
    return `${this.#prefix}:doc:${doc}`;
  }

  publish(doc: DocName, { kind, bytes }: FanoutMessage): void {
    const message = Buffer.concat([this.#self, Buffer.of(kindByte[kind]), bytes]);
    this.#publisher.publish(this.#channel(doc), message).catch((error: unknown) => {
      // the update is saved; instances that miss it get it at their clients' next sync
      this.#logger.warn('fan-out publish failed', { ...errorFields(error), doc });
    });
  }

  async subscribe(doc: DocName, onMessage: (message: FanoutMessage) => void): Promise<() => Promise<void>> {
    const channel = this.#channel(doc);
    const listener = (message: Buffer) => {
      if (message.length <= senderBytes || message.subarray(0, senderBytes).equals(this.#self)) return;
      const kind = message[senderBytes] === kindByte.presence ? 'presence' : 'update';
      const body = message.subarray(senderBytes + 1);
      onMessage({ kind, bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
    };
    await this.#subscriber.subscribe(channel, listener, true);
    return async () => {
      await this.#subscriber.unsubscribe(channel, listener, true);
    };
  }

  publishAccountEvent(event: AccountEvent): void {
    const message = JSON.stringify({ from: this.#self.toString('hex'), event });
    this.#publisher.publish(this.#accountChannel, message).catch((error: unknown) => {
      // the change is stored; sockets elsewhere keep their rights until they reconnect
      this.#logger.warn('account event publish failed', { ...errorFields(error), kind: event.kind });
    });
  }

  async subscribeAccountEvents(onEvent: (event: AccountEvent) => void): Promise<() => Promise<void>> {
    const self = this.#self.toString('hex');
    const listener = (message: string) => {
      // what arrives from Redis is checked like anything from the network
      let raw: unknown;
      try {
        raw = JSON.parse(message);
      } catch (error) {
        this.#logger.warn('unreadable account event', errorFields(error));
        return;
      }
      const parsed = accountEventMessage.safeParse(raw);
      if (!parsed.success) {
        this.#logger.warn('unreadable account event', { error: parsed.error.message });
        return;
      }
      if (parsed.data.from !== self) onEvent(parsed.data.event);
    };
    await this.#subscriber.subscribe(this.#accountChannel, listener);
    return async () => {
      await this.#subscriber.unsubscribe(this.#accountChannel, listener);
    };
  }

  get #accountChannel(): string {
    return `${this.#prefix}:accounts`;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#subscriber.close(), this.#publisher.close()]);
  }
}

const accountEventMessage = z.object({ from: z.string(), event: accountEventSchema });
