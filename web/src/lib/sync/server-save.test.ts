import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { encodeSavedAck } from '@concord/shared/sync/extensions.ts';
import { messageType } from '@concord/shared/sync/message-types.ts';
import { mergeStateVectors, ServerSaveTracker } from './server-save.ts';
import { idleProvider, receive } from './test-provider.ts';

/** A sync update frame carrying an edit made on another replica. */
function remoteEdit(text: string): Uint8Array {
  const other = new Y.Doc();
  other.getText('notes').insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(other));
  return encoding.toUint8Array(encoder);
}

const ackOf = (doc: Y.Doc) => encodeSavedAck(Y.encodeStateVector(doc));

describe('ServerSaveTracker', () => {
  it('S-ACK-1: saved only once an acknowledgement covers every local edit', () => {
    const doc = new Y.Doc();
    const provider = idleProvider(doc);
    const tracker = new ServerSaveTracker(doc, provider);
    expect(tracker.saved).toBe(false);
    receive(provider, ackOf(doc));
    expect(tracker.saved).toBe(true);
    doc.getText('notes').insert(0, 'typed here');
    expect(tracker.saved).toBe(false);
    receive(provider, ackOf(doc));
    expect(tracker.saved).toBe(true);
    provider.destroy();
  });

  it('S-ACK-1, S-STORE-1: an edit the server relayed counts as saved, since it stores before it relays', () => {
    const doc = new Y.Doc();
    const provider = idleProvider(doc);
    const tracker = new ServerSaveTracker(doc, provider);
    receive(provider, ackOf(doc));
    receive(provider, remoteEdit('from the police post'));
    expect(doc.getText('notes').toString()).toBe('from the police post');
    expect(tracker.saved).toBe(true);
    provider.destroy();
  });

  it('S-ACK-1: an edit that did not come from the server is not saved until the server says so', () => {
    const doc = new Y.Doc();
    const provider = idleProvider(doc);
    const tracker = new ServerSaveTracker(doc, provider);
    receive(provider, ackOf(doc));
    receive(provider, remoteEdit('typed in another tab'), false);
    expect(tracker.saved).toBe(false);
    provider.destroy();
  });
});

describe('mergeStateVectors', () => {
  it('S-ACK-1: keeps the larger clock of each client', () => {
    const merged = mergeStateVectors(
      new Map([
        [1, 5],
        [2, 9],
      ]),
      new Map([
        [2, 4],
        [3, 1],
      ]),
    );
    expect(merged).toEqual(
      new Map([
        [1, 5],
        [2, 9],
        [3, 1],
      ]),
    );
  });
});
