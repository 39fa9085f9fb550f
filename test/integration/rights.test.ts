import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../shared/src/auth/user.ts';
import { CaseFile, type CaseId } from '../../shared/src/cases/case-file.ts';
import { summarizeDoc } from '../../shared/src/docs/summary.ts';
import { MeetingFile } from '../../shared/src/meetings/meeting-file.ts';
import type { DepartmentId, EscalationLevel } from '../../shared/src/org/agencies.ts';
import type { VillageId } from '../../shared/src/org/jurisdiction.ts';
import { closeCode } from '../../shared/src/sync/close-codes.ts';
import { docName, type DocName } from '../../shared/src/sync/doc-name.ts';
import { extensionType, readAccess } from '../../shared/src/sync/extensions.ts';
import { rawSocket } from '../helpers/raw-socket.ts';
import { serverPool, type TestServer } from '../helpers/test-server.ts';

const servers = serverPool();
afterEach(() => servers.disposeAll());

interface CaseSpec {
  village: string;
  level?: EscalationLevel;
  leaders?: string[];
  departments?: DepartmentId[];
}

/** Stores a case as the server would have saved it, so its facts are what rights are decided on. */
async function storeCase(server: TestServer, id: string, spec: CaseSpec): Promise<DocName> {
  const doc = new Y.Doc();
  const caseFile = new CaseFile(doc);
  caseFile.create({
    id: id as CaseId,
    title: `case ${id}`,
    village: spec.village as VillageId,
    disputeType: 'land',
    createdAt: 1,
  });
  if (spec.level) caseFile.setLevel(spec.level);
  if (spec.leaders) caseFile.setLeaders(spec.leaders);
  if (spec.departments) caseFile.setDepartments(spec.departments);
  const name = docName('case', id);
  await server.store.append(
    [{ name, updates: [Y.encodeStateAsUpdate(doc)], summary: summarizeDoc('case', doc) }],
    1,
  );
  return name;
}

async function storeMeeting(server: TestServer, id: string, invited: string[]): Promise<DocName> {
  const doc = new Y.Doc();
  const meeting = new MeetingFile(doc);
  meeting.title.insert(0, `meeting ${id}`);
  meeting.setInvited(invited);
  const name = docName('meeting', id);
  await server.store.append(
    [{ name, updates: [Y.encodeStateAsUpdate(doc)], summary: summarizeDoc('meeting', doc) }],
    1,
  );
  return name;
}

/** What the server lets `token` do with `name`, as a client sees it: the 101 message, or a 4403 close. */
async function accessSeen(
  server: TestServer,
  token: string,
  name: DocName,
): Promise<'none' | 'read' | 'write'> {
  const socket = rawSocket(`${server.syncUrl}/${name}?token=${token}&acks=1`);
  const first = await Promise.race([socket.firstFrame(), socket.closed]);
  if ('code' in first) {
    expect(first.code).toBe(closeCode.forbidden);
    expect(socket.frames).toEqual([]);
    return 'none';
  }
  socket.ws.close();
  expect(first[0]).toBe(extensionType.access);
  const decoder = decoding.createDecoder(first);
  decoding.readVarUint(decoder);
  return readAccess(decoder);
}

describe('A-RIGHT-1…8: who may open what, through real sockets', () => {
  it('A-RIGHT-1…8: the matrix of role × document × access', async () => {
    const server = await servers.start();
    const leaderToken = await server.signIn('caseLeader');
    const leader = await server.auth.authenticate(leaderToken);
    if (!leader) throw new Error('no leader');
    const docs = {
      jiangting: await storeCase(server, 'jt', { village: 'jiangting' }),
      hongyan: await storeCase(server, 'hy', { village: 'hongyan' }),
      townLevel: await storeCase(server, 'town', { village: 'hongyan', level: 'town' }),
      countyLevel: await storeCase(server, 'county', { village: 'pingzhai', level: 'county' }),
      led: await storeCase(server, 'led', { village: 'pingzhai', leaders: [leader.id] }),
      dispatched: await storeCase(server, 'disp', { village: 'pingzhai', departments: ['naturalResources'] }),
      meeting: await storeMeeting(server, 'joint', ['judicialOffice', 'village:jiangting', 'dept:labour']),
      newCase: docName('case', 'not-yet-stored'),
      newMeeting: docName('meeting', 'not-yet-stored'),
    };
    type Row = [
      string,
      Role,
      string | null,
      string | null,
      Record<keyof typeof docs, 'none' | 'read' | 'write'>,
    ];
    const W = 'write' as const;
    const R = 'read' as const;
    const N = 'none' as const;
    // prettier-ignore
    const matrix: Row[] = [
      //                                         jiangting hongyan town county led dispatched meeting newCase newMeeting
      ['admin', 'admin', null, null,            { jiangting: W, hongyan: W, townLevel: W, countyLevel: W, led: W, dispatched: W, meeting: W, newCase: W, newMeeting: W }],
      ['supervisor', 'supervisor', null, null,  { jiangting: R, hongyan: R, townLevel: R, countyLevel: R, led: R, dispatched: R, meeting: R, newCase: N, newMeeting: N }],
      ['centre', 'governanceCentre', null, null, { jiangting: W, hongyan: W, townLevel: W, countyLevel: W, led: W, dispatched: W, meeting: W, newCase: W, newMeeting: W }],
      ['judicial', 'judicialOffice', null, null, { jiangting: W, hongyan: W, townLevel: W, countyLevel: W, led: W, dispatched: W, meeting: W, newCase: W, newMeeting: N }],
      ['police', 'policePost', null, null,      { jiangting: W, hongyan: W, townLevel: W, countyLevel: W, led: W, dispatched: W, meeting: N, newCase: W, newMeeting: N }],
      ['cadre', 'villageCadre', 'jiangting', null, { jiangting: W, hongyan: N, townLevel: N, countyLevel: N, led: N, dispatched: N, meeting: W, newCase: W, newMeeting: N }],
      ['grid', 'gridWorker', 'hongyan', null,   { jiangting: N, hongyan: W, townLevel: W, countyLevel: N, led: N, dispatched: N, meeting: N, newCase: W, newMeeting: N }],
      ['town mediator', 'mediator', null, null, { jiangting: N, hongyan: N, townLevel: W, countyLevel: W, led: N, dispatched: N, meeting: N, newCase: W, newMeeting: N }],
      ['other leader', 'caseLeader', null, null, { jiangting: N, hongyan: N, townLevel: N, countyLevel: R, led: N, dispatched: N, meeting: N, newCase: N, newMeeting: N }],
      ['dept', 'department', null, 'naturalResources', { jiangting: N, hongyan: N, townLevel: N, countyLevel: N, led: N, dispatched: W, meeting: N, newCase: N, newMeeting: N }],
      ['labour dept', 'department', null, 'labour', { jiangting: N, hongyan: N, townLevel: N, countyLevel: N, led: N, dispatched: N, meeting: W, newCase: N, newMeeting: N }],
    ];
    const seen: Record<string, Record<string, string>> = {};
    const expected: Record<string, Record<string, string>> = {};
    for (const [label, role, village, agency, row] of matrix) {
      const token = await server.signIn(role, village, agency);
      seen[label] = {};
      expected[label] = row;
      for (const key of Object.keys(docs) as (keyof typeof docs)[]) {
        seen[label][key] = await accessSeen(server, token, docs[key]);
      }
    }
    expect(seen).toEqual(expected);
    expect(await accessSeen(server, leaderToken, docs.led)).toBe('write');
  });

  it('A-RIGHT-11: GET /api/docs lists only what the caller may open, with its access', async () => {
    const server = await servers.start();
    await storeCase(server, 'jt', { village: 'jiangting' });
    await storeCase(server, 'hy', { village: 'hongyan' });
    const list = async (token: string) => {
      const response = await fetch(`${server.url}/api/docs`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { docs: { name: string; access: string }[] };
      return body.docs.map((d) => `${d.name}:${d.access}`).sort();
    };
    expect(await list(await server.signIn('villageCadre', 'jiangting'))).toEqual(['case:jt:write']);
    expect(await list(await server.signIn('supervisor'))).toEqual(['case:hy:read', 'case:jt:read']);
    expect(await list(await server.signIn('department', null, 'labour'))).toEqual([]);
  });
});
