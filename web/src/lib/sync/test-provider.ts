import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { MuxSocket } from '@concord/shared/sync/mux-client.ts';
import type { DocProvider } from './doc-provider.ts';
import { MuxProvider } from './mux-provider.ts';

/** For tests: a provider on a socket that never connects; the test hands it messages as if from the server. */
export function idleProvider(doc: Y.Doc = new Y.Doc()): MuxProvider {
  const socket = new MuxSocket({ url: 'ws://127.0.0.1:9/sync', params: {} });
  return new MuxProvider('case:test' as DocName, doc, socket);
}

/** Reads a message the way the provider does: its type, then the handler registered for that type. */
export function receive(provider: DocProvider, message: Uint8Array, fromServer = true): void {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  const handler = provider.messageHandlers[type];
  if (!handler) throw new Error(`no handler for message type ${type}`);
  handler(encoding.createEncoder(), decoder, provider, fromServer, type);
}
