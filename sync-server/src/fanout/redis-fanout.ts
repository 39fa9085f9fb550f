import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { errorFields, type Logger } from '../logger.ts';
import type { Fanout, FanoutMessage } from './fanout.ts';

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

  async close(): Promise<void> {
    await Promise.allSettled([this.#subscriber.close(), this.#publisher.close()]);
  }
}
