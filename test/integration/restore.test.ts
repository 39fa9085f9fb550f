import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { publicUserSchema } from '../../shared/src/auth/user.ts';
import { CaseFile, type CaseId } from '../../shared/src/cases/case-file.ts';
import {
  caseVersionSchema,
  caseVersionsResponseSchema,
  type CaseVersion,
} from '../../shared/src/cases/case-version.ts';
import { docHistoryResponseSchema } from '../../shared/src/docs/listing.ts';
import type { VillageId } from '../../shared/src/org/jurisdiction.ts';
import type { DocName } from '../../shared/src/sync/doc-name.ts';
import { stockClient, synced, until, type StockClient } from '../helpers/clients.ts';
import { api, serverPool, type TestServer } from '../helpers/test-server.ts';

const servers = serverPool();
const clients: StockClient[] = [];
const client = (...args: Parameters<typeof stockClient>) => {
  const c = stockClient(...args);
  clients.push(c);
  return c;
};

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await servers.disposeAll();
});

/** Resolves once the server's compaction of `name` is stored. */
function compactionOf(server: TestServer, name: DocName): Promise<void> {
  const store = server.store;
  const compact = store.compact.bind(store);
  return new Promise((resolve) => {
    store.compact = async (doc, ...rest) => {
      await compact(doc, ...rest);
      if (doc === name) resolve();
    };
  });
}

const notes = '双方对界桩位置有争议，村调解委员会第一次调解。';
const reads = (c: StockClient, text: string, parties: number) => {
  const file = new CaseFile(c.doc);
  return () => file.notes.toString() === text && file.parties.length === parties;
};

describe('a case emptied, compacted and restored (S-SNAP-1, H-RESTORE-1)', () => {
  it('S-SNAP-1, H-RESTORE-1, C-RESTORE-1: a town agency restores the version before the emptying, and every open client sees it', async () => {
    const server = await servers.start({ compactAfterUpdates: 3 });
    const cadreToken = await server.signIn('villageCadre', 'jiangting');
    const policeToken = await server.signIn('policePost');
    const judicialToken = await server.signIn('judicialOffice');
    const name = 'case:emptied' as DocName;

    // a village cadre records the case; the police post has it open
    const cadre = client(server.syncUrl, name, { token: cadreToken });
    const police = client(server.syncUrl, name, { token: policeToken });
    await Promise.all([synced(cadre), synced(police)]);
    const file = new CaseFile(cadre.doc);
    file.create({
      id: 'emptied' as CaseId,
      title: '刘某与王某山林地界纠纷',
      village: 'jiangting' as VillageId,
      disputeType: 'forestLandBoundary',
      createdAt: Date.now(),
    });
    file.notes.insert(0, notes);
    file.addParty({ name: '刘某', village: 'jiangting', contact: '', role: 'applicant' });
    file.addParty({ name: '王某', village: 'jiangting', contact: '', role: 'respondent' });
    await until(police.doc, reads(police, notes, 2));

    // one change empties its notes and parties; it is saved and relayed
    cadre.doc.transact(() => {
      file.notes.delete(0, file.notes.length);
      const parties = cadre.doc.getArray('parties');
      parties.delete(0, parties.length);
    });
    await until(police.doc, reads(police, '', 0));

    // both leave: the server compacts the rows, and the deleted text is in no row any more
    const compacted = compactionOf(server, name);
    cadre.destroy();
    police.destroy();
    await compacted;
    expect((await server.store.load(name)).updates).toHaveLength(1);

    // two people open the emptied case
    const first = client(server.syncUrl, name, { token: policeToken });
    const second = client(server.syncUrl, name, { token: cadreToken });
    await Promise.all([synced(first), synced(second)]);
    expect(reads(first, '', 0)()).toBe(true);

    // the judicial office finds the newest version that still had the notes, and restores it
    const listed = await api(server, judicialToken, `/api/docs/${name}/versions`);
    const { versions } = caseVersionsResponseSchema.parse(await listed.json());
    let before: CaseVersion | null = null;
    for (const version of versions) {
      const response = await api(server, judicialToken, `/api/docs/${name}/versions/${version.id}`);
      const view = caseVersionSchema.parse(await response.json());
      if (view.notes !== '') {
        before = view;
        break;
      }
    }
    expect(before?.notes).toBe(notes);
    expect(before?.parties.map((party) => party.name)).toEqual(['刘某', '王某']);
    const restored = await api(server, judicialToken, `/api/docs/${name}/restore`, {
      method: 'POST',
      body: JSON.stringify({ version: before?.id }),
    });
    expect(restored.status).toBe(200);

    // every open client sees the notes and parties again, relayed like any edit
    await Promise.all([until(first.doc, reads(first, notes, 2)), until(second.doc, reads(second, notes, 2))]);
    expect(new CaseFile(second.doc).title).toBe('刘某与王某山林地界纠纷');

    // and the history names who restored
    const { user: me } = z
      .object({ user: publicUserSchema })
      .parse(await (await api(server, judicialToken, '/api/auth/me')).json());
    const history = await api(server, policeToken, `/api/docs/${name}/history`);
    const [latest] = docHistoryResponseSchema.parse(await history.json()).history;
    expect(latest?.author.displayName).toBe(me.displayName);
    expect(latest?.author.role).toBe('judicialOffice');
    expect(latest?.fields).toEqual(expect.arrayContaining(['notes', 'parties', 'restores']));
  });
});
