import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCode } from '../../shared/src/sync/close-codes.ts';
import { coveredBy, extensionType, readSavedAck } from '../../shared/src/sync/extensions.ts';
import { stockClient, synced, until, type StockClient } from '../helpers/clients.ts';
import { serverPool } from '../helpers/test-server.ts';

/**
 * The server as it runs for real, in a child process: killed outright it keeps every edit it has passed on or
 * acknowledged (SPEC S-STORE-1, S-ACK-1); stopped with SIGTERM it closes sockets with 1012, saves everything and
 * exits 0 (SPEC S-SHUT-1).
 */

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const serverMain = join(repoRoot, 'sync-server/src/main.ts');

interface ChildServer {
  child: ChildProcess;
  /** `http://host:port` from the server's 'listening' log line. */
  url: string;
  syncUrl: string;
  /** The demo admin's token, from signing in over HTTP. */
  token: string;
  /** The JSON log lines the server has written so far. */
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();
const dataDirs: string[] = [];
const clients: StockClient[] = [];

const servers = serverPool();

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await servers.disposeAll();
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await gone;
      }
    }),
  );
  children.clear();
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'concord-crash-'));
  dataDirs.push(dir);
  return dir;
}

/** Starts `node sync-server/src/main.ts` on `dataDir`, waits until it listens and signs in as the demo admin. */
async function startChild(dataDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      LOG_LEVEL: 'info',
      WEB_ROOT: join(dataDir, 'no-web-app'),
      // the tests edit as fast as the event loop turns; the rate limit has its own tests
      MAX_MESSAGES_PER_SECOND: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const logs: Record<string, unknown>[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = parseLogLine(line);
      if (!parsed) return;
      logs.push(parsed);
      if (parsed['message'] === 'listening' && typeof parsed['url'] === 'string') resolve(parsed['url']);
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`the server exited before listening (${code ?? signal ?? '?'}): ${stderr}`)),
    );
  });
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo' }),
  });
  const body: unknown = await response.json();
  if (!response.ok || typeof body !== 'object' || body === null || !('token' in body)) {
    throw new Error(`signing in failed: HTTP ${response.status}`);
  }
  if (typeof body.token !== 'string') throw new Error('the login answer has no token');
  return { child, url, syncUrl: `${url.replace(/^http/, 'ws')}/sync`, token: body.token, logs, exited };
}

function parseLogLine(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    // the server also prints a few lines for people; only JSON lines are logs
    return null;
  }
}

function client(server: ChildServer, docName: string, params: Record<string, string> = {}): StockClient {
  const c = stockClient(server.syncUrl, docName, { token: server.token, params });
  clients.push(c);
  return c;
}

function track(c: StockClient): StockClient {
  clients.push(c);
  return c;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The writer's edits are `w0;w1;…` appended to the notes: how many of them `doc` has. */
function writerEdits(doc: Y.Doc): number {
  return doc.getText('notes').toString().split(';').length - 1;
}

/** The reader's edits are keys `r0`, `r1`, … of the case map, set in order: how many of them `doc` has. */
function readerEdits(doc: Y.Doc): number {
  return doc.getMap('case').size;
}

/** Fired once, by whatever ends a run of edits. */
interface Stop {
  fired: boolean;
  promise: Promise<void>;
  fire(): void;
}

function stopSignal(): Stop {
  let resolve = () => {};
  const stop: Stop = {
    fired: false,
    promise: new Promise<void>((r) => (resolve = r)),
    fire() {
      stop.fired = true;
      resolve();
    },
  };
  return stop;
}

/**
 * The writer appends to the notes and the reader sets keys of the case map, round after round, each round
 * waiting only until the other side has what was sent two rounds before: a few edits are always in flight.
 * Runs until `stop` fires; throws if that takes more than `maxRounds`.
 */
async function editInRounds(
  writer: StockClient,
  reader: StockClient,
  stop: Stop,
  maxRounds = 400,
): Promise<void> {
  const notes = writer.doc.getText('notes');
  const marks = reader.doc.getMap<number>('case');
  let written = 0;
  let read = 0;
  const sentBy: { writer: number; reader: number }[] = [];
  for (let round = 0; !stop.fired; round++) {
    if (round >= maxRounds) throw new Error(`still editing after ${maxRounds} rounds`);
    for (let i = 0; i < 3; i++) notes.insert(notes.length, `w${written++};`);
    marks.set(`r${read}`, read++);
    sentBy.push({ writer: written, reader: read });
    const earlier = sentBy[round - 2];
    if (earlier) {
      await Promise.race([
        stop.promise,
        Promise.all([
          until(reader.doc, () => writerEdits(reader.doc) >= earlier.writer),
          until(writer.doc, () => readerEdits(writer.doc) >= earlier.reader),
        ]),
      ]);
    } else {
      await nextTurn();
    }
  }
}

describe('a server killed outright (SIGKILL)', () => {
  it('S-STORE-1: every edit a client received from the server survives the kill', async () => {
    const dataDir = newDataDir();
    const first = await startChild(dataDir);
    const name = 'case:crash-relayed';
    const writer = client(first, name);
    const reader = client(first, name);
    await Promise.all([synced(writer), synced(reader)]);

    // the moment the reader holds 60 of the writer's edits, the server is killed: more are in flight
    const kill = stopSignal();
    const relayed = { writerSeen: '', readerSeen: 0 };
    reader.doc.on('update', () => {
      if (kill.fired || writerEdits(reader.doc) < 60) return;
      first.child.kill('SIGKILL');
      kill.fire();
      relayed.writerSeen = reader.doc.getText('notes').toString();
      relayed.readerSeen = readerEdits(writer.doc);
    });
    await editInRounds(writer, reader, kill);
    expect((await first.exited).signal).toBe('SIGKILL');
    const written = writer.doc.getText('notes').toString();
    const readerWrote = readerEdits(reader.doc);
    writer.destroy();
    reader.destroy();

    const second = await startChild(dataDir);
    const fresh = client(second, name);
    await synced(fresh);
    const survived = fresh.doc.getText('notes').toString();
    // everything relayed is there, nothing that was never written, and no gap: a prefix of what was written
    expect(survived.startsWith(relayed.writerSeen)).toBe(true);
    expect(written.startsWith(survived)).toBe(true);
    const marks = fresh.doc.getMap<number>('case');
    expect(marks.size).toBeGreaterThanOrEqual(relayed.readerSeen);
    expect(marks.size).toBeLessThanOrEqual(readerWrote);
    for (let i = 0; i < marks.size; i++) expect(marks.get(`r${i}`)).toBe(i);
  });

  it('S-STORE-1, S-ACK-1: everything the server acknowledged as saved survives the kill', async () => {
    const dataDir = newDataDir();
    const first = await startChild(dataDir);
    const name = 'case:crash-acked';
    const writer = client(first, name, { acks: '1' });
    const reader = client(first, name);

    // the moment an acknowledgement covers the writer's 60th edit, the server is killed: more are in flight
    const kill = stopSignal();
    let target: Map<number, number> | null = null;
    let acknowledged = new Map<number, number>();
    let acks = 0;
    writer.provider.messageHandlers[extensionType.saved] = (_encoder, decoder) => {
      // every acknowledgement the server sent before it died holds, not only the one that set off the kill
      acknowledged = readSavedAck(decoder);
      acks++;
      if (kill.fired || !target || !coveredBy(target, acknowledged)) return;
      first.child.kill('SIGKILL');
      kill.fire();
    };
    // an acks=1 client is also told its rights; this one has write access and need not look
    writer.provider.messageHandlers[extensionType.access] = () => {};
    writer.doc.on('update', () => {
      if (!target && writerEdits(writer.doc) >= 60)
        target = Y.decodeStateVector(Y.encodeStateVector(writer.doc));
    });
    await Promise.all([synced(writer), synced(reader)]);
    await editInRounds(writer, reader, kill);
    expect((await first.exited).signal).toBe('SIGKILL');
    const written = writer.doc.getText('notes').toString();
    const editors = [writer.doc.clientID, reader.doc.clientID];
    writer.destroy();
    reader.destroy();

    const second = await startChild(dataDir);
    const fresh = client(second, name);
    await synced(fresh);
    const survived = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
    // the acknowledged state vector covers edits of both clients (beside the server's binding of their ids to
    // the account, SPEC A-BIND-1), and all of them are on disk
    expect(editors.every((id) => (acknowledged.get(id) ?? 0) > 0)).toBe(true);
    expect(acks).toBeGreaterThan(1);
    expect(coveredBy(acknowledged, survived)).toBe(true);
    expect(written.startsWith(fresh.doc.getText('notes').toString())).toBe(true);
  });
});

describe('a server told to stop (SIGTERM)', () => {
  it('S-SHUT-1: clients are closed with 1012, the process exits 0, and a restart shows every edit', async () => {
    const dataDir = newDataDir();
    const first = await startChild(dataDir);
    const name = 'case:shutdown';
    const a = client(first, name);
    const b = client(first, name);
    await Promise.all([synced(a), synced(b)]);
    const closeCodes = [a, b].map(
      (c) =>
        new Promise<number | undefined>((resolve) => {
          c.provider.once('connection-close', (event) => resolve(event?.code));
        }),
    );

    a.doc.getText('notes').insert(0, '第二次调解: ');
    b.doc.getMap('case').set('status', 'mediating');
    await until(a.doc, () => a.doc.getMap('case').get('status') === 'mediating');
    await until(b.doc, () => b.doc.getText('notes').length > 0);

    // a last edit, then a presence change: the server handles a socket's frames in order, so once b sees the
    // presence, the server has applied the edit, saved or not; SIGTERM must save it
    a.doc.getText('notes').insert(a.doc.getText('notes').length, '双方同意');
    const presenceSeen = new Promise<void>((resolve) => {
      const check = () => {
        if (b.provider.awareness.getStates().get(a.doc.clientID)?.['stage'] !== 'after-edit') return;
        b.provider.awareness.off('change', check);
        resolve();
      };
      b.provider.awareness.on('change', check);
    });
    a.provider.awareness.setLocalStateField('stage', 'after-edit');
    await presenceSeen;
    first.child.kill('SIGTERM');

    expect(await Promise.all(closeCodes)).toEqual([closeCode.serviceRestart, closeCode.serviceRestart]);
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(
      first.logs.some((line) => line['message'] === 'shutting down' && line['signal'] === 'SIGTERM'),
    ).toBe(true);
    expect(first.logs.filter((line) => line['level'] === 'error')).toEqual([]);
    const expected = new Y.Doc();
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(b.doc));
    a.destroy();
    b.destroy();

    const second = await startChild(dataDir);
    const fresh = client(second, name);
    await synced(fresh);
    expect(fresh.doc.getText('notes').toString()).toBe('第二次调解: 双方同意');
    expect(fresh.doc.getMap('case').get('status')).toBe('mediating');
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(expected));
  });

  it('S-SHUT-1: stopping waits for a write still under way, so an edit nobody has seen yet survives', async () => {
    // in-process, where the test can hold a write up: the same close() that SIGTERM runs
    let server = await servers.start();
    const name = 'case:shutdown-midwrite';
    const a = track(stockClient(server.syncUrl, name));
    const b = track(stockClient(server.syncUrl, name));
    await Promise.all([synced(a), synced(b)]);
    const closeCodes = [a, b].map(
      (c) =>
        new Promise<number | undefined>((resolve) => {
          c.provider.once('connection-close', (event) => resolve(event?.code));
        }),
    );
    let releaseWrite = () => {};
    const writeHeld = new Promise<void>((resolve) => (releaseWrite = resolve));
    let writeStarted = () => {};
    const started = new Promise<void>((resolve) => (writeStarted = resolve));
    const append = server.store.append.bind(server.store);
    server.store.append = async (writes, at) => {
      writeStarted();
      await writeHeld;
      return append(writes, at);
    };

    a.doc.getText('notes').insert(0, '写到一半');
    await started;
    let stopped = false;
    const stopping = server.stop().then(() => (stopped = true));
    expect(await Promise.all(closeCodes)).toEqual([closeCode.serviceRestart, closeCode.serviceRestart]);
    await nextTurn();
    expect(stopped).toBe(false);
    // nobody received the edit: it was never saved, so never relayed
    expect(b.doc.getText('notes').length).toBe(0);
    releaseWrite();
    await stopping;
    a.destroy();
    b.destroy();

    server = await servers.restart(server);
    const fresh = track(stockClient(server.syncUrl, name));
    await synced(fresh);
    expect(fresh.doc.getText('notes').toString()).toBe('写到一半');
    expect(server.logs.filter((line) => line.level === 'error')).toEqual([]);
  });
});
