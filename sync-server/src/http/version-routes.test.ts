import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AccountId, Role } from '@concord/shared/auth/user.ts';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import { caseVersionSchema, caseVersionsResponseSchema } from '@concord/shared/cases/case-version.ts';
import { readRestores } from '@concord/shared/cases/restore.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import { errorBodySchema } from '@concord/shared/http/errors.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import type { DocStore } from '../storage/doc-store.ts';
import { appsInMemory, tokenOf } from './test-app.ts';

const appWith = appsInMemory();

const people = {
  admin: { role: 'admin' },
  centre: { role: 'governanceCentre' },
  judicial: { role: 'judicialOffice' },
  police: { role: 'policePost' },
  cadre: { role: 'villageCadre', village: 'jiangting' },
  otherCadre: { role: 'villageCadre', village: 'hongyan' },
  supervisor: { role: 'supervisor' },
} satisfies Record<string, { role: Role; village?: string }>;
type Who = keyof typeof people;
const as = (who: Who, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { authorization: `Bearer ${tokenOf(`acct-${who}`)}`, 'content-type': 'application/json' },
});

const name = docName('case', 'versioned');

/** A case saved at 1000 with notes and a party, emptied by the village cadre at 2000. */
async function setup() {
  const { app, store } = await appWith(
    Object.entries(people).map(([who, person]) => ({ id: `acct-${who}`, ...person })),
  );
  const doc = new Y.Doc();
  const file = new CaseFile(doc);
  const save = async (at: number, edit: () => void) => {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    doc.on('update', collect);
    edit();
    doc.off('update', collect);
    const author = 'acct-cadre' as AccountId;
    return store.append(
      [
        {
          name,
          updates: [Y.mergeUpdates(updates)],
          summary: summarizeDoc('case', doc),
          edits: [{ author, fields: ['notes'], bytes: 1 }],
        },
      ],
      at,
    );
  };
  const before = await save(1000, () => {
    file.create({
      id: 'versioned' as CaseId,
      title: '刘某与王某山林地界纠纷',
      village: 'jiangting' as VillageId,
      disputeType: 'forestLandBoundary',
      source: 'walkIn',
      createdAt: 900,
    });
    file.notes.insert(0, '双方对界桩位置有争议。');
    file.addParty({ name: '刘某', village: 'jiangting', contact: '', role: 'applicant' });
  });
  const emptied = await save(2000, () => {
    doc.transact(() => {
      file.notes.delete(0, file.notes.length);
      file.removeParty(file.parties[0]?.id ?? '');
    });
  });
  return { app, store, before, emptied };
}

async function current(store: DocStore): Promise<CaseFile> {
  const doc = new Y.Doc();
  for (const update of (await store.load(name)).updates) Y.applyUpdate(doc, update);
  return new CaseFile(doc);
}

describe('a case as it was, and its restoring', () => {
  it('H-RESTORE-1: the versions are listed newest first, and each reads as the case was', async () => {
    const { app, before: first, emptied } = await setup();
    const listed = await app.request(`/api/docs/${name}/versions`, as('judicial'));
    expect(listed.status).toBe(200);
    expect(caseVersionsResponseSchema.parse(await listed.json()).versions).toEqual([
      { id: emptied, at: 2000 },
      { id: first, at: 1000 },
    ]);

    const before = caseVersionSchema.parse(
      await (await app.request(`/api/docs/${name}/versions/${first}`, as('police'))).json(),
    );
    expect(before).toMatchObject({
      id: first,
      at: 1000,
      title: '刘某与王某山林地界纠纷',
      village: 'jiangting',
      disputeType: 'forestLandBoundary',
      source: 'walkIn',
      notes: '双方对界桩位置有争议。',
      steps: [],
    });
    expect(before.parties.map((party) => party.name)).toEqual(['刘某']);
    const after = caseVersionSchema.parse(
      await (await app.request(`/api/docs/${name}/versions/${emptied}`, as('admin'))).json(),
    );
    expect([after.notes, after.parties]).toEqual(['', []]);
  });

  it('H-RESTORE-1: a restore makes the case read as the version again, attributed to who restored it', async () => {
    const { app, store, before, emptied } = await setup();
    const response = await app.request(
      `/api/docs/${name}/restore`,
      as('centre', { method: 'POST', body: JSON.stringify({ version: before }) }),
    );
    expect(response.status).toBe(200);

    const file = await current(store);
    expect(file.notes.toString()).toBe('双方对界桩位置有争议。');
    expect(file.parties.map((party) => party.name)).toEqual(['刘某']);
    expect(readRestores(file.doc)).toMatchObject([{ version: 1000, by: 'acct-centre' }]);
    const [latest] = await store.history(name, 1);
    expect(latest).toMatchObject({ author: 'acct-centre' });
    expect(latest?.fields).toEqual(expect.arrayContaining(['notes', 'parties', 'restores']));
    // the restore is a save of its own: a version too, and the emptied one is still there
    const versions = caseVersionsResponseSchema.parse(
      await (await app.request(`/api/docs/${name}/versions`, as('centre'))).json(),
    ).versions;
    expect(versions.map((v) => v.id).slice(1)).toEqual([emptied, before]);
  });

  it('H-RESTORE-1: others get 404 for a case they may not open and 403 for one they may, in the one error shape', async () => {
    const { app, store, before } = await setup();
    const body = JSON.stringify({ version: before });
    const refusals: [Who, string, RequestInit, number][] = [
      ['otherCadre', 'versions', {}, 404],
      ['otherCadre', 'restore', { method: 'POST', body }, 404],
      ['cadre', 'versions', {}, 403],
      ['cadre', `versions/${before}`, {}, 403],
      ['cadre', 'restore', { method: 'POST', body }, 403],
      ['supervisor', `versions/${before}`, {}, 403],
    ];
    for (const [who, path, init, status] of refusals) {
      const response = await app.request(`/api/docs/${name}/${path}`, as(who, init));
      expect([who, path, response.status]).toEqual([who, path, status]);
      errorBodySchema.parse(await response.json());
    }
    const unknown = await app.request(`/api/docs/case:nothing-here/versions`, as('admin'));
    expect(unknown.status).toBe(404);
    const meeting = await app.request(`/api/docs/meeting:weekly/versions`, as('admin'));
    expect(meeting.status).toBe(404);
    expect((await app.request(`/api/docs/${name}/versions`)).status).toBe(401);
    // nothing was restored by any of them
    expect((await current(store)).notes.toString()).toBe('');
  });

  it('H-RESTORE-1: a bad body or id is refused with 400, a version not kept with 404', async () => {
    const { app, store } = await setup();
    const post = (body: string) =>
      app.request(`/api/docs/${name}/restore`, as('judicial', { method: 'POST', body }));
    for (const body of ['not json', '{}', '{"version":"soon"}', '{"version":-1}', '{"at":1000}']) {
      const response = await post(body);
      expect([body, response.status]).toEqual([body, 400]);
      expect(errorBodySchema.parse(await response.json()).error.code).toBe('bad_request');
    }
    expect((await post('{"version":999999}')).status).toBe(404);
    expect((await app.request(`/api/docs/${name}/versions/999999`, as('judicial'))).status).toBe(404);
    expect((await app.request(`/api/docs/${name}/versions/soon`, as('judicial'))).status).toBe(400);
    expect((await current(store)).notes.toString()).toBe('');
  });

  it('H-RESTORE-1: a version from before the case was recorded, or a case a newer Concord wrote, is refused with 409', async () => {
    const { app, store } = await setup();
    const other = docName('case', 'early');
    const doc = new Y.Doc();
    const save = (at: number, edit: () => void) => {
      const updates: Uint8Array[] = [];
      const collect = (update: Uint8Array) => updates.push(update);
      doc.on('update', collect);
      edit();
      doc.off('update', collect);
      return store.append([{ name: other, updates, summary: summarizeDoc('case', doc) }], at);
    };
    const file = new CaseFile(doc);
    const early = await save(100, () => doc.getText('notes').insert(0, '草稿'));
    const recorded = await save(200, () => {
      file.create({
        id: 'early' as CaseId,
        title: '王某借款纠纷',
        village: 'jiangting' as VillageId,
        disputeType: 'other',
        createdAt: 200,
      });
    });
    const restore = (version: number) =>
      app.request(
        `/api/docs/${other}/restore`,
        as('judicial', { method: 'POST', body: JSON.stringify({ version }) }),
      );
    const refused = await restore(early);
    expect(refused.status).toBe(409);
    expect(errorBodySchema.parse(await refused.json()).error.code).toBe('conflict');

    // a newer Concord takes the case over: it is shown, never rewritten (SPEC C-DOC-3)
    await save(300, () => doc.getMap('case').set('schemaVersion', 99));
    await save(400, () => doc.getText('notes').delete(0, 2));
    expect((await restore(recorded)).status).toBe(409);
    const stored = new Y.Doc();
    for (const update of (await store.load(other)).updates) Y.applyUpdate(stored, update);
    expect(stored.getText('notes').toString()).toBe('');
    expect(stored.getArray('restores').length).toBe(0);
  });
});
