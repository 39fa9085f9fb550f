import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseSources } from '@concord/shared/cases/case-source.ts';
import { disputeTypes } from '@concord/shared/cases/dispute-type.ts';
import { deadlineStatus } from '@concord/shared/cases/workflow/deadlines.ts';
import { openFlags } from '@concord/shared/cases/workflow/review.ts';
import { deriveWorkflow } from '@concord/shared/cases/workflow/transitions.ts';
import { gridProblem } from '@concord/shared/auth/admin.ts';
import { isMine } from '@concord/shared/ledger/query.ts';
import { findGrid } from '@concord/shared/org/jurisdiction.ts';
import { caseMeetingEntries } from '@concord/shared/meetings/case-links.ts';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import { docName, parseDocName } from '@concord/shared/sync/doc-name.ts';
import { SpyStore } from '../storage/spy-store.ts';
import { SqliteDocStore } from '../storage/sqlite-store.ts';
import { demoAccounts } from './demo-accounts.ts';
import { fixedDemoCases } from './demo-cases.ts';
import { generateDemoCases } from './demo-town.ts';
import { demoTown, lastChangeOf, seedDemo } from './seed-demo.ts';

const now = Date.UTC(2026, 10, 23, 12);
const day = 24 * 60 * 60 * 1000;
const town = demoTown(now);
const folded = town.map((demo) => ({ demo, ...deriveWorkflow(demo.events) }));

describe('the demo town', () => {
  it('D-DEMO-2: the same seed and time give the same town; another seed another', () => {
    expect(generateDemoCases(now)).toEqual(generateDemoCases(now));
    expect(generateDemoCases(now, 7).map((c) => c.title)).not.toEqual(
      generateDemoCases(now).map((c) => c.title),
    );
  });

  it('D-DEMO-2: about 200 cases with unique ids, across the three villages, over the past months', () => {
    expect(town.length).toBeGreaterThanOrEqual(190);
    expect(town.length).toBeLessThanOrEqual(210);
    expect(new Set(town.map((c) => c.id)).size).toBe(town.length);
    for (const demo of town) expect(parseDocName(`case:${demo.id}`).ok, demo.id).toBe(true);
    for (const village of ['jiangting', 'hongyan', 'pingzhai']) {
      expect(town.filter((c) => c.village === village).length, village).toBeGreaterThanOrEqual(40);
    }
    const ages = town.map((c) => (now - c.createdAt) / day);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeGreaterThan(90);
    expect(Math.max(...ages)).toBeLessThanOrEqual(181);
    for (const demo of town) for (const event of demo.events) expect(event.at).toBeLessThan(now);
  });

  it('D-DEMO-2, C-DOC-6: every case says how it came to light, each way among them, as its notes open', () => {
    const sources = new Set(town.map((c) => c.source));
    expect(caseSources.filter((source) => !sources.has(source))).toEqual([]);
    const hotline = generateDemoCases(now).filter((c) => c.source === 'hotline12345');
    expect(hotline.length).toBeGreaterThan(0);
    for (const demo of hotline) expect(demo.notes, demo.id).toMatch(/^12345热线/);
  });

  it('D-DEMO-2: the seed reports’ dispute types, with parties and Chinese titles and notes', () => {
    const types = new Set(town.map((c) => c.disputeType));
    expect(disputeTypes.filter((type) => !types.has(type))).toEqual([]);
    for (const demo of town) {
      expect(demo.title, demo.id).toMatch(/纠纷/);
      expect(demo.notes.length, demo.id).toBeGreaterThan(15);
      expect(
        demo.parties.filter((p) => p.role === 'applicant'),
        demo.id,
      ).toHaveLength(1);
      expect(
        demo.parties.filter((p) => p.role === 'respondent'),
        demo.id,
      ).toHaveLength(1);
      expect(demo.title + demo.notes, demo.id).not.toMatch(/[{}]/);
    }
    // a generated title never contains a fixed one, so a search for a fixed case finds that case alone
    const fixed = fixedDemoCases(now).map((c) => c.title);
    for (const demo of generateDemoCases(now))
      for (const title of fixed) expect(demo.title).not.toContain(title);
  });

  it('D-DEMO-2: every timeline is a valid story: no step conflicts, so the ledger shows no false alarms', () => {
    for (const { demo, conflicts } of folded) expect(conflicts, demo.id).toEqual([]);
  });

  it('D-DEMO-2, C-REVIEW-1, C-REVIEW-2: no demo story contradicts itself, so none is flagged for review', () => {
    for (const { demo } of folded) expect(openFlags(demo.events), demo.id).toEqual([]);
  });

  it('D-DEMO-2: most settle in the village, some at the town, a few at the county; some wait overdue on a department; two came back', () => {
    const settled = folded.filter(({ state }) => state.stage === 'closed' || state.stage === 'evaluated');
    const inVillage = settled.filter(({ state }) => state.level === 'village');
    expect(inVillage.length).toBeGreaterThan(town.length / 2);
    const atTown = folded.filter(({ state }) => state.level === 'town');
    const atCounty = folded.filter(({ state }) => state.level === 'county');
    expect(atTown.length).toBeGreaterThanOrEqual(10);
    expect(atCounty.length).toBeGreaterThanOrEqual(2);
    expect(atCounty.length).toBeLessThan(atTown.length);
    const overdue = folded.filter(({ state }) => deadlineStatus(state, now) === 'overdue');
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(overdue.filter(({ state }) => state.departments.length > 0).length).toBeGreaterThanOrEqual(5);
    const departments = new Set(folded.flatMap(({ state }) => state.departments));
    expect([...departments].sort()).toEqual(['housing', 'labour', 'market', 'naturalResources']);
    expect(folded.filter(({ state }) => state.reopenings > 0)).toHaveLength(2);
    for (const stage of ['reported', 'registered', 'dispatched', 'handling', 'closed', 'evaluated']) {
      expect(
        folded.some(({ state }) => state.stage === stage),
        stage,
      ).toBe(true);
    }
  });

  it('D-DEMO-2: every case at the county names case leader demo-leader1, and no case names anyone else', () => {
    for (const { demo, state } of folded) {
      if (state.level === 'county') expect(state.leaders, demo.id).toEqual(['demo-leader1']);
      for (const leader of state.leaders) expect(leader, demo.id).toBe('demo-leader1');
    }
  });

  it('D-DEMO-1, A-ACCT-3: the demo grid worker walks a grid of their village', () => {
    const grid1 = demoAccounts.find((account) => account.username === 'grid1');
    expect(grid1).toMatchObject({ role: 'gridWorker', village: 'jiangting', grid: 'jiangting-1' });
    for (const { role, village, grid } of demoAccounts) {
      expect(gridProblem({ role, village, grid: grid ?? null }), role).toBeNull();
    }
  });

  it('D-DEMO-2, L-MINE-1: the cases lie in grids of their own villages, and grid1 has open cases in theirs', () => {
    for (const demo of town) {
      if (demo.grid !== undefined) expect(findGrid(demo.village, demo.grid), demo.id).toBeDefined();
    }
    const generated = generateDemoCases(now);
    expect(generated.every((demo) => demo.grid !== undefined)).toBe(true);
    for (const grid of ['jiangting-1', 'hongyan-2', 'pingzhai-3']) {
      expect(generated.filter((demo) => demo.grid === grid).length, grid).toBeGreaterThan(5);
    }
    const walker = { id: 'demo-grid1', agency: null, grid: 'jiangting-1' };
    const theirs = folded.filter(({ demo, state }) => isMine({ ...state, grid: demo.grid ?? null }, walker));
    const openInGrid = theirs.filter(
      ({ demo, state }) => demo.grid === 'jiangting-1' && state.handler !== walker.id,
    );
    expect(openInGrid.map(({ demo }) => demo.id)).toContain('demo-jt-boundary');
    expect(openInGrid.length).toBeGreaterThanOrEqual(3);
  });

  it('D-DEMO-1, D-DEMO-2: seeding writes every case and meeting in one append, once', async () => {
    const store = new SpyStore(SqliteDocStore.open(':memory:'));
    try {
      const written = await seedDemo(store, now);
      expect(written).toBe(town.length + 3);
      expect(store.appends).toHaveLength(1);
      const listed = await store.list();
      expect(listed).toHaveLength(town.length + 3);
      expect(listed.filter((row) => row.kind === 'case').every((row) => row.ledger !== null)).toBe(true);
      const boundary = listed.find((row) => row.name === 'case:demo-jt-boundary');
      expect(boundary?.ledger?.grid).toBe('jiangting-1');
      // one demo case shows what rich-text notes look like (SPEC C-NOTES-1)
      const marriage = new Y.Doc();
      for (const update of (await store.load(docName('case', 'demo-hy-marriage'))).updates) {
        Y.applyUpdate(marriage, update);
      }
      expect(marriage.getText('notes').toDelta()).toContainEqual({ insert: '\n', attributes: { header: 2 } });
      expect(marriage.getText('notes').toString()).toContain('约定一个月后回访');
      marriage.destroy();
      expect(await seedDemo(store, now + day)).toBe(0);
      expect(store.appends).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('D-DEMO-3: recordings and steps fall in each of the last six months', () => {
    const monthOf = (at: number) => Math.floor((now - at) / (30 * day));
    const recorded = new Set(town.map((demo) => monthOf(demo.createdAt)));
    const stepped = new Set(town.flatMap((demo) => demo.events.map((event) => monthOf(event.at))));
    for (const month of [0, 1, 2, 3, 4, 5]) {
      expect(recorded.has(month), `recorded ${month} months ago`).toBe(true);
      expect(stepped.has(month), `steps ${month} months ago`).toBe(true);
    }
    expect(Math.max(...recorded)).toBeLessThanOrEqual(6);
  });

  it('D-DEMO-3: each seeded case is stored as changed at its last step, so the ledger’s dates spread', async () => {
    const store = SqliteDocStore.open(':memory:');
    try {
      await seedDemo(store, now);
      const cases = (await store.list()).filter((row) => row.kind === 'case');
      const byName = new Map(town.map((demo) => [`case:${demo.id}`, demo]));
      for (const row of cases) {
        const demo = byName.get(row.name);
        expect(demo, row.name).toBeDefined();
        if (demo) expect(row.updatedAt, row.name).toBe(lastChangeOf(demo));
      }
      const months = new Set(cases.map((row) => Math.floor((now - row.updatedAt) / (30 * day))));
      expect([...months].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    } finally {
      await store.close();
    }
  });

  it('D-DEMO-2, M-LINK-1, M-LINK-2: a finalized past meeting, an upcoming weekly one and a village deliberation; what was decided shows on the cases', async () => {
    const store = new SpyStore(SqliteDocStore.open(':memory:'));
    try {
      await seedDemo(store, now);
      const listed = await store.list();
      const meetings = listed.flatMap((row) => (row.meeting ? [row.meeting] : []));
      const today = new Date(now + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
      const byKind = new Map(meetings.map((m) => [m.kind, m]));
      expect(byKind.get('topical')).toMatchObject({ locked: true, items: 3, openActions: 1 });
      expect((byKind.get('topical')?.date ?? '') < today).toBe(true);
      expect(byKind.get('weeklyAnalysis')).toMatchObject({ locked: false, items: 3 });
      expect((byKind.get('weeklyAnalysis')?.date ?? '') > today).toBe(true);
      expect(byKind.get('villageDeliberation')).toMatchObject({
        village: 'jiangting',
        stage: 'deliberate',
        body: 'village:jiangting',
      });
      const ledger = (id: string) => listed.find((row) => row.name === docName('case', id))?.ledger;
      expect(ledger('demo-pz-land')).toMatchObject({ openActions: 1 });
      expect(ledger('demo-jt-boundary')).toMatchObject({ openActions: 0 });
      const boundary = new Y.Doc();
      for (const update of (await store.load(docName('case', 'demo-jt-boundary'))).updates) {
        Y.applyUpdate(boundary, update);
      }
      const entries = caseMeetingEntries(boundary);
      expect(entries.map((e) => [e.meetingId, e.kind, e.completion?.done])).toEqual([
        ['demo-topical', 'action', true],
      ]);
      boundary.destroy();
      const topical = new Y.Doc();
      for (const update of (await store.load(docName('meeting', 'demo-topical'))).updates) {
        Y.applyUpdate(topical, update);
      }
      const meeting = new MeetingFile(topical);
      expect(meeting.isDone('topical-action-1')).toBe(true);
      expect(meeting.lockLog.map((entry) => entry.action)).toEqual(['lock']);
      for (const item of meeting.agendaItems.filter((i) => i.caseId !== null)) {
        expect(meeting.minutes(item.id).length, item.id).toBeGreaterThan(10);
      }
      topical.destroy();
    } finally {
      await store.close();
    }
  });
});
