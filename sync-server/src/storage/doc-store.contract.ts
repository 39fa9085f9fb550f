import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CaseFacts } from '@concord/shared/access/rights.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { LedgerEntry } from '@concord/shared/ledger/ledger-of.ts';
import type { MeetingSummary } from '@concord/shared/meetings/meeting-file.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import type { DocStore, DocSummary, StoredDoc } from './doc-store.ts';

/** What a {@link docStoreContract} factory hands back: a fresh, empty store and how to get rid of it. */
export interface DocStoreFixture {
  store: DocStore;
  /**
   * Opens a new store on the same data after the contract has closed `store`, as a restarted server would.
   * Leave it out for a store that keeps nothing (the restart test is then reported as skipped).
   */
  reopen?: () => Promise<DocStore>;
  /** Removes whatever the fixture made (a folder, a schema). Called after the last store it opened is closed. */
  cleanup(): Promise<void>;
}

/**
 * The behaviour every {@link DocStore} must have, whatever database is under it. Register it once per
 * implementation, from that implementation's test file, with a factory that makes a fresh empty store per test.
 * Nothing here may depend on one database: the PostgreSQL store runs this same suite.
 */
export function docStoreContract(name: string, makeStore: () => Promise<DocStoreFixture>): void {
  describe(`S-STORE-7: DocStore contract: ${name}`, () => {
    let fixture: DocStoreFixture;
    let store: DocStore;

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });

    afterEach(async () => {
      await store.close();
      await fixture.cleanup();
    });

    it('loads a document never stored as no updates at clock 0', async () => {
      expect(await store.load(caseA)).toEqual({ updates: [], clock: 0 });
    });

    it('S-STORE-1: append then load returns the updates in order, with clocks increasing', async () => {
      const [u1, u2, u3] = edits(['甲', '乙', '丙']);
      const first = await store.append([{ name: caseA, updates: [u1, u2], summary: summaryA }], 1000);
      const second = await store.append([{ name: caseA, updates: [u3], summary: summaryA }], 2000);

      expect(first).toBeGreaterThan(0);
      expect(second).toBeGreaterThan(first);
      const loaded = await store.load(caseA);
      expect(loaded.updates.map(hex)).toEqual([u1, u2, u3].map(hex));
      expect(loaded.clock).toBe(second);
      expect(replay(loaded)).toBe('甲乙丙');
    });

    it('S-STORE-1: one append writes several documents, each under its own name', async () => {
      const [a1] = edits(['案卷']);
      const [m1, m2] = edits(['会', '议']);
      const clock = await store.append(
        [
          { name: caseA, updates: [a1], summary: summaryA },
          { name: meetingB, updates: [m1, m2], summary: summaryB },
        ],
        5000,
      );

      const a = await store.load(caseA);
      const b = await store.load(meetingB);
      expect(a.updates.map(hex)).toEqual([a1].map(hex));
      expect(b.updates.map(hex)).toEqual([m1, m2].map(hex));
      // the clock of the newest update written, whichever document it belongs to
      expect(Math.max(a.clock, b.clock)).toBe(clock);
      expect(await store.load(caseC)).toEqual({ updates: [], clock: 0 });
      expect(byName(await store.list()).map((row) => [row.name, row.updatedAt])).toEqual([
        [caseA, 5000],
        [meetingB, 5000],
      ]);
    });

    it('S-STORE-1: a batch that fails part-way writes none of its documents', async () => {
      const [before, during] = edits(['旧', '新']);
      await store.append([{ name: caseA, updates: [before], summary: summaryA }], 1000);
      // an update that is no bytes at all: every database refuses to store it as one
      const notBytes = null as unknown as Uint8Array;

      await expect(
        store.append(
          [
            { name: caseA, updates: [during], summary: { ...summaryA, title: '改过的标题' } },
            { name: meetingB, updates: [notBytes], summary: summaryB },
          ],
          2000,
        ),
      ).rejects.toThrow();

      const a = await store.load(caseA);
      expect(a.updates.map(hex)).toEqual([before].map(hex));
      expect(await store.load(meetingB)).toEqual({ updates: [], clock: 0 });
      expect(await store.list()).toEqual([{ name: caseA, ...summaryA, updatedAt: 1000 }]);
      // and the store still takes writes afterwards
      await store.append([{ name: caseA, updates: [during], summary: summaryA }], 3000);
      expect(replay(await store.load(caseA))).toBe('旧新');
    });

    it('S-STORE-6: compact replaces the rows up to the clock by one snapshot and keeps the later ones', async () => {
      const doc = new Y.Doc();
      const [u1, u2, u3] = edits(['一', '二', '三'], doc);
      const [other] = edits(['别的案卷']);
      // the batch clock is that of `other`, newer than u1 and u2: compaction must still only touch caseA
      const compactedThrough = await store.append(
        [
          { name: caseA, updates: [u1, u2], summary: summaryA },
          { name: caseC, updates: [other], summary: summaryC },
        ],
        1000,
      );
      const later = await store.append([{ name: caseA, updates: [u3], summary: summaryA }], 2000);
      const snapshotDoc = new Y.Doc();
      Y.applyUpdate(snapshotDoc, Y.mergeUpdates([u1, u2]));
      const snapshot = Y.encodeStateAsUpdate(snapshotDoc);

      await store.compact(caseA, snapshot, compactedThrough);

      const a = await store.load(caseA);
      expect(a.updates.map(hex).sort()).toEqual([snapshot, u3].map(hex).sort());
      expect(a.clock).toBeGreaterThanOrEqual(later);
      expect(replay(a)).toBe(doc.getText('notes').toString());
      expect((await store.load(caseC)).updates.map(hex)).toEqual([other].map(hex));
      // compaction is no edit: the listing keeps the time of the last append
      expect(byName(await store.list()).map((row) => [row.name, row.updatedAt])).toEqual([
        [caseA, 2000],
        [caseC, 1000],
      ]);
      // and clocks keep increasing past the snapshot
      const next = await store.append([{ name: caseA, updates: edits(['四']), summary: summaryA }], 3000);
      expect(next).toBeGreaterThan(a.clock);
    });

    it('S-STORE-6: compact through the newest clock leaves the snapshot alone', async () => {
      const doc = new Y.Doc();
      const updates = edits(['调', '解', '书'], doc);
      const clock = await store.append([{ name: caseA, updates, summary: summaryA }], 1000);
      const snapshot = Y.encodeStateAsUpdate(doc);

      await store.compact(caseA, snapshot, clock);

      const a = await store.load(caseA);
      expect(a.updates.map(hex)).toEqual([hex(snapshot)]);
      expect(replay(a)).toBe('调解书');
    });

    it('S-LIST-1: list has one row per stored document with its latest summary and time', async () => {
      expect(await store.list()).toEqual([]);
      const [a1, a2] = edits(['一', '二']);
      await store.append([{ name: caseA, updates: [a1], summary: summaryA }], 1000);
      await store.append([{ name: meetingB, updates: edits(['会']), summary: summaryB }], 2000);
      const renamed = caseSummary('李某土地纠纷', 'hongyan', { level: 'town', leaders: ['leader-1'] });
      await store.append([{ name: caseA, updates: [a2], summary: renamed }], 3000);

      expect(byName(await store.list())).toEqual([
        { name: caseA, ...renamed, updatedAt: 3000 },
        { name: meetingB, ...summaryB, updatedAt: 2000 },
      ]);
    });

    it('S-LIST-1: one document’s listing is its list row, with the facts its rights come from', async () => {
      expect(await store.listing(caseA)).toBeNull();
      const facts = caseSummary('张某宅基地纠纷', 'jiangting', { level: 'county', departments: ['labour'] });
      await store.append([{ name: caseA, updates: edits(['一']), summary: facts }], 1000);
      expect(await store.listing(caseA)).toEqual({ name: caseA, ...facts, updatedAt: 1000 });
    });

    it('D-DEMO-3: a write that says when it happened is listed and stored as of then, the others as of the append', async () => {
      const facts = caseSummary('张某宅基地纠纷', 'jiangting');
      await store.append(
        [
          { name: caseA, updates: edits(['一']), summary: facts, at: 400 },
          { name: meetingB, updates: edits(['会']), summary: summaryB },
        ],
        1000,
      );
      expect(await store.listing(caseA)).toEqual({ name: caseA, ...facts, updatedAt: 400 });
      expect((await store.rows(caseA)).map((row) => row.at)).toEqual([400]);
      expect((await store.listing(meetingB))?.updatedAt).toBe(1000);
    });

    it('M-LIST-1: a meeting’s summary is kept beside its listing, replaced by each save, and read back as it was', async () => {
      await store.append([{ name: meetingB, updates: edits(['会']), summary: summaryB }], 1000);
      expect(await store.listing(meetingB)).toEqual({ name: meetingB, ...summaryB, updatedAt: 1000 });
      const later: DocSummary = {
        ...summaryB,
        meeting: meetingSummary({
          locked: true,
          openActions: 0,
          stage: 'deliberate',
          kind: 'villageDeliberation',
        }),
      };
      await store.append([{ name: meetingB, updates: edits(['议']), summary: later }], 2000);
      expect(await store.listing(meetingB)).toEqual({ name: meetingB, ...later, updatedAt: 2000 });
      expect((await store.list()).find((listing) => listing.name === meetingB)?.meeting).toEqual(
        later.meeting,
      );
    });

    it('L-LEDGER-1: a case’s ledger row is kept beside its listing, replaced by each save, and read back as it was', async () => {
      const first: DocSummary = { ...summaryA, ledger: ledgerEntry({ stage: 'registered', risk: 'high' }) };
      await store.append([{ name: caseA, updates: edits(['一']), summary: first }], 1000);
      expect(await store.listing(caseA)).toEqual({ name: caseA, ...first, updatedAt: 1000 });

      const later: DocSummary = {
        ...summaryA,
        ledger: ledgerEntry({
          stage: 'dispatched',
          risk: 'criminal',
          handler: 'acct-judicial',
          deadline: 1_296_001_000,
          parties: ['王某', '刘某'],
          conflicts: 1,
        }),
      };
      await store.append(
        [
          { name: caseA, updates: edits(['二']), summary: later },
          { name: meetingB, updates: edits(['会']), summary: summaryB },
        ],
        2000,
      );
      expect(byName(await store.list())).toEqual([
        { name: caseA, ...later, updatedAt: 2000 },
        { name: meetingB, ...summaryB, updatedAt: 2000 },
      ]);
    });

    it('A-ATTR-1: attributed edits are kept with their time, newest first, and outlive compaction', async () => {
      const doc = new Y.Doc();
      const [a1, a2] = edits(['甲', '乙'], doc);
      const police = 'acct-police' as AccountId;
      const cadre = 'acct-cadre' as AccountId;
      await store.append(
        [
          {
            name: caseA,
            updates: [a1],
            summary: summaryA,
            edits: [{ author: police, fields: ['notes'], bytes: 20 }],
          },
        ],
        1000,
      );
      const clock = await store.append(
        [
          {
            name: caseA,
            updates: [a2],
            summary: summaryA,
            edits: [{ author: cadre, fields: ['notes', 'case.village'], bytes: 31 }],
          },
        ],
        2000,
      );
      await store.compact(caseA, Y.encodeStateAsUpdate(doc), clock);
      expect(await store.history(caseA, 10)).toEqual([
        { author: cadre, at: 2000, fields: ['notes', 'case.village'], bytes: 31 },
        { author: police, at: 1000, fields: ['notes'], bytes: 20 },
      ]);
      expect(await store.history(caseA, 1)).toHaveLength(1);
      expect(await store.history(meetingB, 10)).toEqual([]);
    });

    it('A-ATTR-2: one person’s edits within five minutes are one history row; a pause or another person starts a new one', async () => {
      const police = 'acct-police' as AccountId;
      const cadre = 'acct-cadre' as AccountId;
      const minute = 60_000;
      const write = async (author: AccountId, fields: string[], at: number) => {
        await store.append(
          [
            {
              name: caseA,
              updates: edits(['字']),
              summary: summaryA,
              edits: [{ author, fields, bytes: 10 }],
            },
          ],
          at,
        );
      };
      await write(police, ['notes'], 0);
      await write(police, ['title'], 2 * minute);
      await write(police, ['notes'], 4 * minute);
      await write(cadre, ['notes'], 5 * minute);
      await write(police, ['notes'], 6 * minute);
      await write(police, ['notes'], 12 * minute);
      expect(await store.history(caseA, 10)).toEqual([
        { author: police, at: 12 * minute, fields: ['notes'], bytes: 10 },
        { author: police, at: 6 * minute, fields: ['notes'], bytes: 10 },
        { author: cadre, at: 5 * minute, fields: ['notes'], bytes: 10 },
        { author: police, at: 4 * minute, fields: ['notes', 'title'], bytes: 30 },
      ]);
    });

    it('S-STORE-2: what was written survives closing and reopening the store', async (context) => {
      const reopen = fixture.reopen;
      if (!reopen) {
        context.skip('this store keeps nothing across a reopen');
        return;
      }
      const [a1, a2] = edits(['重', '启']);
      const [b1] = edits(['会议纪要']);
      await store.append(
        [
          { name: caseA, updates: [a1, a2], summary: summaryA },
          { name: meetingB, updates: [b1], summary: summaryB },
        ],
        1000,
      );
      const before = { a: await store.load(caseA), b: await store.load(meetingB), list: await store.list() };

      await store.close();
      store = await reopen();

      const a = await store.load(caseA);
      const b = await store.load(meetingB);
      expect(a.updates.map(hex)).toEqual([a1, a2].map(hex));
      expect(b.updates.map(hex)).toEqual([b1].map(hex));
      expect([a.clock, b.clock]).toEqual([before.a.clock, before.b.clock]);
      expect(await store.list()).toEqual(before.list);
      // clocks go on from where they were, or a compaction after the restart could drop newer rows
      const next = await store.append([{ name: caseA, updates: edits(['后']), summary: summaryA }], 2000);
      expect(next).toBeGreaterThan(Math.max(a.clock, b.clock));
    });
  });
}

const caseA = docName('case', 'contract-a');
const meetingB = docName('meeting', 'contract-b');
const caseC = docName('case', 'contract-c');
/** A case's summary with the facts its rights come from; the store keeps them as they are (A-RIGHT-9). */
function caseSummary(title: string, village: string | null, facts: Partial<CaseFacts> = {}): DocSummary {
  return {
    kind: 'case',
    title,
    village,
    facts: { kind: 'case', village, level: 'village', leaders: [], departments: [], ...facts },
    ledger: null,
    meeting: null,
  };
}

/** A ledger row of summaryA's case with every field filled. */
function ledgerEntry(fields: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    title: '张某宅基地纠纷',
    village: 'jiangting',
    grid: null,
    disputeType: 'neighbours',
    risk: null,
    stage: 'reported',
    level: 'village',
    parties: ['张某'],
    handler: null,
    leaders: [],
    departments: [],
    deadline: null,
    createdAt: 500,
    conflicts: 0,
    needsReview: false,
    attemptsAtLevel: 0,
    spansVillages: false,
    openActions: 0,
    nextActionDue: null,
    source: null,
    contacts: [],
    registeredAt: null,
    closedAt: null,
    reopenings: 0,
    satisfaction: null,
    ...fields,
  };
}

const summaryA = caseSummary('张某宅基地纠纷', 'jiangting');
const summaryB: DocSummary = {
  kind: 'meeting',
  title: '五月联席会议',
  village: null,
  facts: { kind: 'meeting', invited: ['judicialOffice', 'dept:naturalResources'] },
  ledger: null,
  meeting: meetingSummary(),
};

/** A meeting's summary with every field filled. */
function meetingSummary(fields: Partial<MeetingSummary> = {}): MeetingSummary {
  return {
    id: 'contract-b',
    kind: 'topical',
    body: 'jointMeeting',
    title: '五月联席会议',
    date: '2026-05-12',
    time: '09:00',
    place: '镇综治中心',
    village: null,
    convener: 'acct-centre',
    invited: ['judicialOffice', 'dept:naturalResources'],
    stage: null,
    locked: false,
    items: 2,
    openActions: 1,
    ...fields,
  };
}
const summaryC = caseSummary('王某借款纠纷', null);

/** Real Yjs updates, one per piece of text appended to the notes of `doc`, as a tuple of the same length. */
function edits<const P extends string[]>(pieces: P, doc = new Y.Doc()): { [K in keyof P]: Uint8Array } {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on('update', collect);
  const notes = doc.getText('notes');
  for (const piece of pieces) notes.insert(notes.length, piece);
  doc.off('update', collect);
  if (updates.length !== pieces.length) throw new Error('expected one update per piece of text');
  return updates as { [K in keyof P]: Uint8Array };
}

function replay(stored: StoredDoc): string {
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc.getText('notes').toString();
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function byName<T extends { name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
