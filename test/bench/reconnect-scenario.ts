import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { AccountId } from '../../shared/src/auth/user.ts';
import { CaseFile } from '../../shared/src/cases/case-file.ts';
import { summarizeDoc } from '../../shared/src/docs/summary.ts';
import { Prng } from '../../shared/src/random/prng.ts';
import type { DocName } from '../../shared/src/sync/doc-name.ts';
import { coveredBy } from '../../shared/src/sync/extensions.ts';
import { hashPassword } from '../../sync-server/src/auth/password.ts';
import { generateDemoCases } from '../../sync-server/src/demo/demo-town.ts';
import { caseWrite } from '../../sync-server/src/demo/seed-demo.ts';
import { createLogger } from '../../sync-server/src/logger.ts';
import { startServer, type RunningServer } from '../../sync-server/src/server.ts';
import type { DocWrite } from '../../sync-server/src/storage/doc-store.ts';

/**
 * The reconnect benchmark's world: a town's case documents on the server, and a device that holds a copy of every
 * one, went offline for a day while others edited some on the server, edited some itself, and now comes back.
 */

export interface ScenarioShape {
  docs: number;
  /** Share of documents others edit on the server while the device is away. */
  serverEdited: number;
  /** Share of documents the device edits offline. */
  deviceEdited: number;
}

/** One document as the device holds it: its copy, and the updates it made offline and has not sent. */
export interface DeviceCopy {
  name: DocName;
  doc: Y.Doc;
  unsent: Uint8Array[];
}

export interface Scenario {
  server: RunningServer;
  /** `ws://host:port/sync` */
  syncUrl: string;
  token: string;
  device: DeviceCopy[];
  /** What had to move: the server's changes down, the device's up (sum of diff updates, changed documents only). */
  changes: { down: number; up: number; docsDown: number; docsUp: number };
  /** The server's state vector of each document as the device comes back, to check it has it all afterwards. */
  serverState: Map<DocName, Uint8Array>;
  dispose(): Promise<void>;
}

/** The generated town has about 200 cases: seeds after the demo's give as many more as asked, renamed apart. */
export function townWrites(count: number, now: number): DocWrite[] {
  const writes: DocWrite[] = [];
  const ids = new Prng(7);
  for (let round = 0; writes.length < count; round++) {
    for (const demo of generateDemoCases(now, 1000 + round)) {
      if (writes.length >= count) break;
      writes.push(caseWrite({ ...demo, id: `r${round}-${demo.id}` }, () => ids.hexId(), []));
    }
  }
  return writes;
}

const hanzi = '调解员到场双方当事人就宅基地边界达成一致意见村委会见证并签字确认后续回访无异议';

function chineseNote(random: Prng, chars: number): string {
  let text = '';
  while (text.length < chars) text += hanzi[random.int(0, hanzi.length - 1)] ?? '。';
  return text;
}

/** Starts a server on a fresh folder holding `writes`, then plays the day: edits by others and by the device. */
export async function prepareScenario(
  writes: readonly DocWrite[],
  shape: ScenarioShape,
  serverOptions: { muxPackFrames?: boolean } = {},
): Promise<Scenario> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-reconnect-'));
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      seedDemo: false,
      demoPassword: 'demo',
      logLevel: 'error',
      maxFrameBytes: 64 * 1024 * 1024,
      maxLoadedDocs: 10_000,
      maxMessagesPerSecond: 200,
      webRoot: null,
      ...serverOptions,
    },
    createLogger(() => undefined, 'error'),
  );
  const now = Date.now();
  await server.store.append(writes, now);
  const token = await signIn(server);
  const random = new Prng(42);

  // the day's edits by others reach the server's store; nobody holds the documents open meanwhile
  const serverState = new Map<DocName, Uint8Array>();
  const device: DeviceCopy[] = [];
  const changes = { down: 0, up: 0, docsDown: 0, docsUp: 0 };
  const othersEdits: DocWrite[] = [];
  const serverDocs: Y.Doc[] = [];
  for (const write of writes) {
    const stored = write.updates[0];
    if (!stored) throw new Error('a write without its update');
    const deviceDoc = new Y.Doc();
    Y.applyUpdate(deviceDoc, stored);
    const serverDoc = new Y.Doc();
    Y.applyUpdate(serverDoc, stored);
    serverDocs.push(serverDoc);
    if (random.chance(shape.serverEdited)) {
      const other = new CaseFile(serverDoc);
      const diff = captured(serverDoc, () => {
        other.notes.insert(other.notes.length, `\n${chineseNote(random, random.int(200, 400))}`);
        other.setTitle(`${other.title}(已调解)`, 'demo-centre1');
      });
      changes.down += diff.length;
      changes.docsDown++;
      othersEdits.push({ name: write.name, updates: [diff], summary: summarizeDoc('case', serverDoc) });
    }
    const copy: DeviceCopy = { name: write.name, doc: deviceDoc, unsent: [] };
    if (random.chance(shape.deviceEdited)) {
      const mine = new CaseFile(deviceDoc);
      const diff = captured(deviceDoc, () => {
        mine.notes.insert(0, `${chineseNote(random, random.int(50, 150))}\n`);
      });
      copy.unsent.push(diff);
      changes.up += diff.length;
      changes.docsUp++;
    }
    device.push(copy);
  }
  await server.store.append(othersEdits, now + 1);
  for (const [i, copy] of device.entries()) {
    const serverDoc = serverDocs[i];
    if (!serverDoc) continue;
    serverState.set(copy.name, Y.encodeStateVector(serverDoc));
    serverDoc.destroy();
  }
  return {
    server,
    syncUrl: `${server.url.replace(/^http/, 'ws')}/sync`,
    token,
    device,
    changes,
    serverState,
    async dispose() {
      for (const copy of device) copy.doc.destroy();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The update `edit` makes, as its author's client would send it: only what is new. (A sync step 2 always carries
 * the document's whole delete set besides, which is the protocol's cost, not the change's size.)
 */
function captured(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const keep = (update: Uint8Array) => updates.push(update);
  doc.on('update', keep);
  edit();
  doc.off('update', keep);
  return Y.mergeUpdates(updates);
}

/** The device's person: a town governance centre worker, who may write every case. */
async function signIn(server: RunningServer): Promise<string> {
  await server.accounts.create([
    {
      id: 'bench-device' as AccountId,
      username: 'bench-device',
      displayName: '回访员',
      role: 'governanceCentre',
      village: null,
      agency: null,
      grid: null,
      passwordHash: await hashPassword('bench password'),
      disabled: false,
      createdAt: Date.now(),
    },
  ]);
  const session = await server.auth.login('bench-device', 'bench password');
  if (!session) throw new Error('could not sign in');
  return session.token;
}

/** True when `doc` holds everything the server had when the device came back (`state`, a state vector). */
export function holdsAll(doc: Y.Doc, state: Uint8Array): boolean {
  return coveredBy(Y.decodeStateVector(state), Y.decodeStateVector(Y.encodeStateVector(doc)));
}
