import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CaseFile } from '../../shared/src/cases/case-file.ts';
import { closeCode } from '../../shared/src/sync/close-codes.ts';
import { docName, type DocName } from '../../shared/src/sync/doc-name.ts';
import { coveredBy, extensionType, readSavedAck } from '../../shared/src/sync/extensions.ts';
import { messageType } from '../../shared/src/sync/message-types.ts';
import {
  encodeChannelMessage,
  encodeClose,
  encodeOpen,
  muxBeatFrame,
  muxOpenFlag,
  type MuxFrame,
} from '../../shared/src/sync/mux-frames.ts';
import { stockClient, synced } from '../helpers/clients.ts';
import { kindOf, muxSocket, openFrame, syncPayload, updateFrame } from '../helpers/mux-socket.ts';
import { rawSocket } from '../helpers/raw-socket.ts';
import { storeCase } from '../helpers/stored-case.ts';
import { serverPool, type TestServer } from '../helpers/test-server.ts';

const servers = serverPool();
afterEach(() => servers.disposeAll());

const all = muxOpenFlag.extensions | muxOpenFlag.serverState | muxOpenFlag.presence;
const isStep2 = (channel: number) => (f: MuxFrame) =>
  f.type === 'message' && f.channel === channel && kindOf(f.message) === 'sync:1';
const closedFrame = (channel: number) => (f: MuxFrame) => f.type === 'closed' && f.channel === channel;

function awarenessMessage(awareness: awarenessProtocol.Awareness): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.awareness);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
  );
  return encoding.toUint8Array(encoder);
}

async function storeCases(server: TestServer, count: number, village = 'jiangting'): Promise<DocName[]> {
  const names: DocName[] = [];
  for (let i = 0; i < count; i++) {
    names.push(await storeCase(server, { id: `mux-${village}-${i}`, title: `第${i}号纠纷`, village }));
  }
  return names;
}

describe('S-MUX: many documents on one socket', () => {
  it('S-MUX-1, S-MUX-4: documents opened in one message each get their sync step 2, and nothing unasked', async () => {
    const server = await servers.start();
    const names = await storeCases(server, 30);
    const socket = muxSocket(server.syncUrl);
    await socket.raw.opened;
    socket.send(...names.map((name, i) => openFrame(i + 1, name, 0)));
    const replies = await Promise.all(names.map((_, i) => socket.frameWhere(isStep2(i + 1))));
    for (const [i, reply] of replies.entries()) {
      if (reply.type !== 'message') throw new Error('not a message');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, syncPayload(reply.message));
      expect(new CaseFile(doc).title).toBe(`第${i}号纠纷`);
    }
    // flags 0: no server step 1, no presence, no access, saved or beat; just the one answer per channel
    for (let i = 1; i <= names.length; i++) expect(socket.messagesOf(i).map(kindOf)).toEqual(['sync:1']);
    // the answers came packed: fewer WebSocket messages than channels
    expect(socket.raw.frames.length).toBeLessThan(names.length);
    socket.ws.close();
  });

  it('S-MUX-4: with every flag a channel is greeted as a /sync/<name> socket with acks=1, and answered', async () => {
    const server = await servers.start();
    const [name] = await storeCases(server, 1);
    if (!name) throw new Error('no case');
    const socket = muxSocket(server.syncUrl);
    await socket.raw.opened;
    socket.send(openFrame(7, name, all));
    await socket.frameWhere(
      (f) => f.type === 'message' && f.channel === 7 && kindOf(f.message) === String(extensionType.saved),
    );
    expect(socket.messagesOf(7).map(kindOf)).toEqual([
      String(extensionType.access),
      'sync:0',
      'sync:1',
      String(extensionType.saved),
    ]);
    socket.ws.close();
  });

  it('S-MUX-1, S-MUX-3: an edit on a channel reaches a stock client on /sync/<name>, and its edit comes back', async () => {
    const server = await servers.start();
    const name = docName('case', 'mux-both-ways');
    const stock = stockClient(server.syncUrl, name);
    await synced(stock);
    const socket = muxSocket(server.syncUrl);
    await socket.raw.opened;
    const mine = new Y.Doc();
    socket.send(openFrame(1, name, all, mine));
    await socket.frameWhere(isStep2(1));
    const arrived = new Promise<void>((resolve) => stock.doc.getText('notes').observe(() => resolve()));
    mine.getText('notes').insert(0, '调解员已到场');
    socket.send(updateFrame(1, Y.encodeStateAsUpdate(mine)));
    await arrived;
    expect(stock.doc.getText('notes').toString()).toBe('调解员已到场');

    const seen = socket.frames.length;
    stock.doc.getText('notes').insert(0, '双方同意。');
    const update = await socket.frameWhere(
      (f) => socket.frames.indexOf(f) >= seen && f.type === 'message' && kindOf(f.message) === 'sync:2',
    );
    if (update.type !== 'message') throw new Error('not a message');
    Y.applyUpdate(mine, syncPayload(update.message));
    expect(mine.getText('notes').toString()).toBe('双方同意。调解员已到场');
    stock.destroy();
    socket.ws.close();
  });

  it('S-MUX-3: a document the person may not open is closed with 4403 on its channel; the others stay open', async () => {
    const server = await servers.start();
    const [hers] = await storeCases(server, 1, 'jiangting');
    const [theirs] = await storeCases(server, 1, 'hongyan');
    if (!hers || !theirs) throw new Error('no cases');
    const token = await server.signIn('villageCadre', 'jiangting');
    const socket = muxSocket(`${server.syncUrl}?token=${token}`);
    await socket.raw.opened;
    const missing = docName('case', 'mux-never-stored-in-hongyan');
    socket.send(openFrame(1, theirs, all), openFrame(2, hers, all), openFrame(3, missing, 0));
    const refused = await socket.frameWhere(closedFrame(1));
    expect(refused).toMatchObject({ type: 'closed', code: closeCode.forbidden });
    await socket.frameWhere(isStep2(2));
    // a new case in her village is hers to create: the one refusal says nothing of what exists
    await socket.frameWhere(isStep2(3));
    expect(socket.messagesOf(1)).toEqual([]);
    // the socket is still open: a late message for the refused channel is dropped, the others go on
    socket.send(updateFrame(1, Y.encodeStateAsUpdate(new Y.Doc())), openFrame(4, docName('case', 'x4'), 0));
    await socket.frameWhere(isStep2(4));
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.ws.close();
  });

  it('S-MUX-3: an update that does not decode closes only its channel with 4412; the other documents go on', async () => {
    const server = await servers.start();
    const socket = muxSocket(server.syncUrl);
    await socket.raw.opened;
    const [a, b] = [docName('case', 'mux-broken'), docName('case', 'mux-whole')];
    socket.send(openFrame(1, a, 0), openFrame(2, b, 0));
    await Promise.all([socket.frameWhere(isStep2(1)), socket.frameWhere(isStep2(2))]);
    socket.send(updateFrame(1, Uint8Array.of(200, 1, 2, 3)));
    expect(await socket.frameWhere(closedFrame(1))).toMatchObject({ code: closeCode.invalidUpdate });
    const doc = new Y.Doc();
    new CaseFile(doc).notes.insert(0, '仍在同步');
    socket.send(updateFrame(2, Y.encodeStateAsUpdate(doc)));
    const reader = stockClient(server.syncUrl, b);
    await synced(reader);
    expect(new CaseFile(reader.doc).notes.toString()).toBe('仍在同步');
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    reader.destroy();
    socket.ws.close();
  });

  it('S-MUX-2: a message that cannot be read closes only that socket; the server and other sockets go on', async () => {
    const server = await servers.start();
    const name = docName('case', 'mux-bad');
    const good = muxSocket(server.syncUrl);
    const bad = rawSocket(server.syncUrl);
    await Promise.all([good.raw.opened, bad.opened]);
    bad.ws.send(Uint8Array.of(5, 1, 2));
    expect((await bad.closed).code).toBe(closeCode.malformedMessage);
    good.send(openFrame(1, name, 0));
    await good.frameWhere(isStep2(1));
    good.ws.close();
  });

  it.each([
    ['a frame for a channel never opened', () => [encodeChannelMessage(9, Uint8Array.of(1, 0))], 4410],
    [
      'a channel number used twice',
      () => [openFrame(1, docName('case', 'a'), 0), encodeClose(1), openFrame(1, docName('case', 'b'), 0)],
      4410,
    ],
    [
      'a document opened twice',
      () => [openFrame(1, docName('case', 'a'), 0), openFrame(2, docName('case', 'a'), 0)],
      4410,
    ],
    ['a frame only the server sends', () => [muxBeatFrame], 4410],
    [
      'a channel message the document cannot read',
      () => [openFrame(1, docName('case', 'a'), 0), encodeChannelMessage(1, Uint8Array.of(7))],
      4411,
    ],
  ])('S-MUX-2: %s closes the socket', async (_label, frames, code) => {
    const server = await servers.start();
    const socket = muxSocket(server.syncUrl);
    await socket.raw.opened;
    socket.send(...frames());
    expect((await socket.raw.closed).code).toBe(code);
  });

  it('S-MUX-2: a text message closes the socket with 1003', async () => {
    const server = await servers.start();
    const socket = rawSocket(server.syncUrl);
    await socket.opened;
    socket.ws.send('hello');
    expect((await socket.closed).code).toBe(closeCode.unsupportedData);
  });

  it('S-MUX-1: a bad token gets a socket closed with 4401 before any frame', async () => {
    const server = await servers.start();
    const socket = rawSocket(`${server.syncUrl}?token=forged`);
    expect((await socket.closed).code).toBe(closeCode.unauthorized);
    expect(socket.frames).toEqual([]);
  });

  it('S-MUX-4: presence only on channels that ask for it; closing a channel takes its presence away', async () => {
    const server = await servers.start();
    const name = docName('case', 'mux-presence');
    const stock = stockClient(server.syncUrl, name);
    stock.provider.awareness.setLocalStateField('cursor', 3);
    await synced(stock);
    const socket = muxSocket(server.syncUrl);
    const quiet = muxSocket(server.syncUrl);
    await Promise.all([socket.raw.opened, quiet.raw.opened]);
    quiet.send(openFrame(1, name, muxOpenFlag.extensions));
    socket.send(openFrame(1, name, muxOpenFlag.presence));
    await Promise.all([quiet.frameWhere(isStep2(1)), socket.frameWhere(isStep2(1))]);
    // the stock client is here: the channel with presence hears of it, the other does not
    await socket.frameWhere(
      (f) => f.type === 'message' && kindOf(f.message) === String(messageType.awareness),
    );

    const mine = new awarenessProtocol.Awareness(new Y.Doc());
    mine.setLocalState({ user: { name: 'anyone' } });
    const came = new Promise<void>((resolve) => {
      stock.provider.awareness.on('change', () => {
        if (stock.provider.awareness.getStates().has(mine.clientID)) resolve();
      });
    });
    socket.send(encodeChannelMessage(1, awarenessMessage(mine)));
    await came;
    const gone = new Promise<void>((resolve) => {
      stock.provider.awareness.on('change', () => {
        if (!stock.provider.awareness.getStates().has(mine.clientID)) resolve();
      });
    });
    socket.send(encodeClose(1));
    await gone;
    // an edit after all that still reaches the quiet channel: it was open all along, and heard no presence
    const seen = quiet.frames.length;
    stock.doc.getText('notes').insert(0, '到场');
    await quiet.frameWhere((f) => quiet.frames.indexOf(f) >= seen && f.type === 'message');
    expect(quiet.messagesOf(1).map(kindOf)).not.toContain(String(messageType.awareness));
    stock.destroy();
    socket.ws.close();
    quiet.ws.close();
  });

  it('S-MUX-4: the heartbeat is one beat frame per socket, none inside the channels', async () => {
    const server = await servers.start({ beatIntervalMs: 20 });
    const socket = muxSocket(server.syncUrl);
    await socket.raw.opened;
    socket.send(...[1, 2, 3].map((c) => openFrame(c, docName('case', `beat-${c}`), all)));
    let beats = 0;
    await socket.frameWhere((f) => f.type === 'beat' && ++beats >= 3);
    for (const channel of [1, 2, 3]) {
      expect(socket.messagesOf(channel).map(kindOf)).not.toContain(String(extensionType.beat));
    }
    // no message carries two beats: one per socket each time
    for (const message of socket.raw.frames) {
      expect(message.filter((_, i) => message[i] === 1 && message[i + 1] === 4).length).toBeLessThanOrEqual(
        1,
      );
    }
    socket.ws.close();
  });

  it('S-MUX-3: signing out closes the whole socket with 4401', async () => {
    const server = await servers.start();
    const { token } = await server.signInAccount('governanceCentre');
    const socket = muxSocket(`${server.syncUrl}?token=${token}`);
    await socket.raw.opened;
    socket.send(openFrame(1, docName('case', 'out-1'), 0), openFrame(2, docName('case', 'out-2'), 0));
    await Promise.all([socket.frameWhere(isStep2(1)), socket.frameWhere(isStep2(2))]);
    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.ok).toBe(true);
    expect((await socket.raw.closed).code).toBe(closeCode.unauthorized);
    expect(socket.frames.filter((f) => f.type === 'closed')).toEqual([]);
  });

  it('S-MUX-3: a server restart closes the whole socket with 1012, and what a channel sent is on disk after', async () => {
    const server = await servers.start();
    const name = docName('case', 'mux-restart');
    const socket = muxSocket(server.syncUrl);
    await socket.raw.opened;
    const mine = new Y.Doc();
    mine.getText('notes').insert(0, '重启前写下');
    socket.send(
      openFrame(1, name, muxOpenFlag.extensions, new Y.Doc()),
      updateFrame(1, Y.encodeStateAsUpdate(mine)),
    );
    // the server says it is on disk: a saved ack whose state vector covers the edit
    const local = Y.decodeStateVector(Y.encodeStateVector(mine));
    await socket.frameWhere((f) => {
      if (f.type !== 'message' || kindOf(f.message) !== String(extensionType.saved)) return false;
      const decoder = decoding.createDecoder(f.message);
      decoding.readVarUint(decoder);
      return coveredBy(local, readSavedAck(decoder));
    });
    const restarted = await servers.restart(server);
    expect((await socket.raw.closed).code).toBe(closeCode.serviceRestart);
    const again = muxSocket(restarted.syncUrl);
    await again.raw.opened;
    again.send(openFrame(1, name, 0));
    const reply = await again.frameWhere(isStep2(1));
    if (reply.type !== 'message') throw new Error('not a message');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, syncPayload(reply.message));
    expect(doc.getText('notes').toString()).toBe('重启前写下');
    again.ws.close();
  });

  it('S-MUX-5: more channels open at once than allowed close the socket with 4414', async () => {
    const server = await servers.start({ maxChannels: 3 });
    const socket = muxSocket(server.syncUrl);
    await socket.raw.opened;
    const open = (c: number) =>
      encodeOpen(c, docName('case', `many-${c}`), 0, Y.encodeStateVector(new Y.Doc()));
    socket.send(open(1), open(2), open(3), encodeClose(3), open(4));
    await socket.frameWhere(isStep2(4));
    socket.send(open(5));
    expect((await socket.raw.closed).code).toBe(closeCode.tooManyChannels);
  });
});
