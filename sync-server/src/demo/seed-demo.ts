import * as Y from 'yjs';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import { receiptsKey } from '@concord/shared/cases/workflow/receipts.ts';
import { CaseTimeline } from '@concord/shared/cases/workflow/timeline.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import type { DocStore, DocWrite } from '../storage/doc-store.ts';
import { fixedDemoCases, type DemoCase } from './demo-cases.ts';
import { demoSeed, generateDemoCases } from './demo-town.ts';
import { Prng } from '@concord/shared/random/prng.ts';

/** Every demo case: the fixed ones the tests name, then the generated town (SPEC D-DEMO-1, D-DEMO-2). */
export function demoTown(now: number): DemoCase[] {
  return [...fixedDemoCases(now), ...generateDemoCases(now)];
}

/**
 * Fills an empty store with the demo case files and this week's meeting, in one append. The server is the only
 * writer here, so every id is fixed and nothing can be created twice (SPEC C-DOC-2).
 */
export async function seedDemo(store: DocStore, now: number): Promise<number> {
  if ((await store.list()).length > 0) return 0;
  // ids inside the documents (parties, history entries) from a seeded generator too: the same town every time
  const ids = new Prng(demoSeed + 1);
  const writes: DocWrite[] = demoTown(now).map((demo) => caseWrite(demo, () => ids.hexId()));
  writes.push(demoMeeting());
  await store.append(writes, now);
  return writes.length;
}

function caseWrite(demo: DemoCase, newId: () => string): DocWrite {
  const doc = new Y.Doc();
  const caseFile = new CaseFile(doc, { now: () => demo.createdAt, newId });
  // one transaction for the whole case: one update to encode, and seeding stays well under a second
  doc.transact(() => fill(caseFile, demo));
  const write: DocWrite = {
    name: docName('case', demo.id),
    updates: [Y.encodeStateAsUpdate(doc)],
    summary: summarizeDoc('case', doc),
  };
  doc.destroy();
  return write;
}

function fill(caseFile: CaseFile, demo: DemoCase): void {
  caseFile.create({
    id: demo.id as CaseId,
    title: demo.title,
    village: demo.village,
    grid: demo.grid ?? null,
    disputeType: demo.disputeType,
    createdAt: demo.createdAt,
    by: demo.recordedBy,
  });
  if (demo.richNotes) caseFile.notes.applyDelta(demo.richNotes);
  else caseFile.notes.insert(0, demo.notes);
  for (const party of demo.parties) caseFile.addParty(party, demo.recordedBy);
  const timeline = new CaseTimeline(caseFile.doc);
  for (const event of demo.events) timeline.record(event);
  // the demo's steps reached the server when they were taken, as the server notes of every step (SPEC A-ATTEST-2)
  const receipts = caseFile.doc.getMap<unknown>(receiptsKey);
  caseFile.doc.transact(() => {
    for (const event of demo.events) receipts.set(event.id, { at: event.at, by: event.by });
  });
}

/** This week's joint meeting (一周一研判), convened by the governance centre (SPEC A-RIGHT-7). */
function demoMeeting(): DocWrite {
  const doc = new Y.Doc();
  const meeting = new MeetingFile(doc);
  meeting.title.insert(0, '沫阳镇矛盾纠纷联席会议(本周研判)');
  meeting.setInvited(['judicialOffice', 'policePost', 'village:jiangting', 'dept:naturalResources']);
  const write: DocWrite = {
    name: docName('meeting', 'demo-weekly'),
    updates: [Y.encodeStateAsUpdate(doc)],
    summary: summarizeDoc('meeting', doc),
  };
  doc.destroy();
  return write;
}
