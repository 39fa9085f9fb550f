import type * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { coveredBy, extensionType, readSavedAck } from '@concord/shared/sync/extensions.ts';
import { messageType } from '@concord/shared/sync/message-types.ts';
import type { DocProvider } from './doc-provider.ts';

/** The larger clock of each client: what two statements of "this much is on disk" say together. */
export function mergeStateVectors(
  a: ReadonlyMap<number, number>,
  b: ReadonlyMap<number, number>,
): Map<number, number> {
  const merged = new Map(a);
  for (const [client, clock] of b) if ((merged.get(client) ?? 0) < clock) merged.set(client, clock);
  return merged;
}

/**
 * Whether the server has everything this device has of a document on its disk, from the `saved`
 * acknowledgements it sends (SPEC S-ACK-1). Only the server's word counts: being connected is not being saved.
 * An update that came over the socket counts too, since the server stores an update before it relays it
 * (SPEC S-STORE-1); without that, a reader would see "not yet on the server" after every edit of someone else.
 * One that reached the document another way (not from the server) does not: whoever made it sends it itself.
 */
export class ServerSaveTracker {
  readonly #doc: Y.Doc;
  readonly #listeners = new Set<() => void>();
  #saved: Map<number, number> | null = null;
  /** True while the provider reads a sync message that came from the server. */
  #readingSocket = false;

  constructor(doc: Y.Doc, provider: DocProvider) {
    this.#doc = doc;
    const readSync = provider.messageHandlers[messageType.sync];
    if (readSync) {
      provider.messageHandlers[messageType.sync] = (encoder, decoder, from, fromServer, type) => {
        this.#readingSocket = fromServer;
        try {
          readSync(encoder, decoder, from, fromServer, type);
        } finally {
          this.#readingSocket = false;
        }
      };
    }
    provider.messageHandlers[extensionType.saved] = (_encoder, decoder: decoding.Decoder) => {
      this.#saved = readSavedAck(decoder);
      this.#emit();
    };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (this.#readingSocket && origin === provider && this.#saved !== null) {
        // where the update ends for each client it carries: a relayed update may continue a client's edits from
        // any clock (the server's own writes, edits merged in one relay), and what came before arrived the same way
        this.#saved = mergeStateVectors(this.#saved, Y.parseUpdateMeta(update).to);
      }
      this.#emit();
    });
  }

  /** What the server last said it has on disk (a state vector), or null before it said anything this visit. */
  get acknowledged(): ReadonlyMap<number, number> | null {
    return this.#saved;
  }

  /** True when the last acknowledgement covers every edit this device knows of. */
  get saved(): boolean {
    return (
      this.#saved !== null && coveredBy(Y.decodeStateVector(Y.encodeStateVector(this.#doc)), this.#saved)
    );
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
