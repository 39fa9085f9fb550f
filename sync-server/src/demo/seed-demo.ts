import * as Y from 'yjs';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import { receiptsKey } from '@concord/shared/cases/workflow/receipts.ts';
import { CaseTimeline } from '@concord/shared/cases/workflow/timeline.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import {
  linksOfMeeting,
  meetingDoneKey,
  writeLinksIntoCase,
  type MeetingLink,
} from '@concord/shared/meetings/case-links.ts';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import type { Completion } from '@concord/shared/meetings/meeting-parts.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import type { DocStore, DocWrite } from '../storage/doc-store.ts';
import { fixedDemoCases, type DemoCase } from './demo-cases.ts';
import { demoMeetingDocs } from './demo-meetings.ts';
import { demoSeed, generateDemoCases } from './demo-town.ts';
import { Prng } from '@concord/shared/random/prng.ts';

/** Every demo case: the fixed ones the tests name, then the generated town (SPEC D-DEMO-1, D-DEMO-2). */
export function demoTown(now: number): DemoCase[] {
  return [...fixedDemoCases(now), ...generateDemoCases(now)];
}

/**
 * Fills an empty store with the demo case files and meetings, in one append. The server is the only writer here,
 * so every id is fixed and nothing can be created twice (SPEC C-DOC-2).
 */
export async function seedDemo(store: DocStore, now: number): Promise<number> {
  if ((await store.list()).length > 0) return 0;
  // ids inside the documents (parties, history entries) from a seeded generator too: the same town every time
  const ids = new Prng(demoSeed + 1);
  const meetings = demoMeetingDocs(now);
  const links = meetingLinksByCase(meetings);
  const writes: DocWrite[] = demoTown(now).map((demo) =>
    caseWrite(demo, () => ids.hexId(), links.get(demo.id) ?? []),
  );
  for (const doc of meetings) writes.push(meetingWrite(doc));
  await store.append(writes, now);
  return writes.length;
}

/** What one meeting decided on one case: its links and whether its actions are done. */
export interface CaseLinks {
  meetingId: string;
  links: Map<string, MeetingLink>;
  done: Map<string, Completion>;
}

/** The meetings' decisions and actions on each case, as the server carries them over (SPEC M-LINK-1, M-LINK-2). */
function meetingLinksByCase(meetings: readonly Y.Doc[]): Map<string, CaseLinks[]> {
  const byCase = new Map<string, CaseLinks[]>();
  for (const doc of meetings) {
    const meeting = new MeetingFile(doc);
    const meetingId = meeting.id;
    if (meetingId === null) continue;
    for (const [caseId, links] of linksOfMeeting(meeting)) {
      const done = new Map<string, Completion>();
      for (const [key, link] of links) {
        const completion = link.kind === 'action' ? meeting.completion(link.partId) : null;
        if (completion) done.set(key, completion);
      }
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), { meetingId, links, done }]);
    }
  }
  return byCase;
}

export function caseWrite(demo: DemoCase, newId: () => string, links: readonly CaseLinks[]): DocWrite {
  const doc = new Y.Doc();
  const caseFile = new CaseFile(doc, { now: () => demo.createdAt, newId });
  // one transaction for the whole case: one update to encode, and seeding stays well under a second
  doc.transact(() => {
    fill(caseFile, demo);
    for (const { meetingId, links: ofMeeting, done } of links) {
      writeLinksIntoCase(doc, meetingId, ofMeeting);
      for (const [key, completion] of done) doc.getMap<unknown>(meetingDoneKey).set(key, completion);
    }
  });
  const write: DocWrite = {
    name: docName('case', demo.id),
    updates: [Y.encodeStateAsUpdate(doc)],
    summary: summarizeDoc('case', doc),
    // saved when it was last changed, not when the town was seeded: the ledger's "last change" spreads over the
    // half-year the cases span (SPEC D-DEMO-3)
    at: lastChangeOf(demo),
  };
  doc.destroy();
  return write;
}

/** When the demo case was last changed: its newest step, or its recording if it has none. */
export function lastChangeOf(demo: Pick<DemoCase, 'createdAt' | 'events'>): number {
  return demo.events.reduce((latest, event) => Math.max(latest, event.at), demo.createdAt);
}

function fill(caseFile: CaseFile, demo: DemoCase): void {
  caseFile.create({
    id: demo.id as CaseId,
    title: demo.title,
    village: demo.village,
    grid: demo.grid ?? null,
    disputeType: demo.disputeType,
    source: demo.source,
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

function meetingWrite(doc: Y.Doc): DocWrite {
  const id = new MeetingFile(doc).id;
  if (id === null) throw new Error('a demo meeting without an id');
  const write: DocWrite = {
    name: docName('meeting', id),
    updates: [Y.encodeStateAsUpdate(doc)],
    summary: summarizeDoc('meeting', doc),
  };
  doc.destroy();
  return write;
}
