import type * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { coveredBy, extensionType, readSavedAck } from '@concord/shared/sync/extensions.ts';

/**
 * Whether the server has everything this device has of a document on its disk, from the `saved`
 * acknowledgements it sends (SPEC S-ACK-1). Only the server's word counts: being connected is not being saved.
 */
export class ServerSaveTracker {
  readonly #doc: Y.Doc;
  readonly #listeners = new Set<() => void>();
  #saved: Map<number, number> | null = null;

  constructor(doc: Y.Doc, provider: WebsocketProvider) {
    this.#doc = doc;
    provider.messageHandlers[extensionType.saved] = (_encoder, decoder: decoding.Decoder) => {
      this.#saved = readSavedAck(decoder);
      this.#emit();
    };
    doc.on('update', () => this.#emit());
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
