import * as Y from 'yjs';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import type { DocStore, DocWrite } from '../storage/doc-store.ts';
import { demoCases } from './demo-cases.ts';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Fills an empty store with the demo case files, in one transaction. The server is the only writer here, so
 * every id is fixed and nothing can be created twice (SPEC C-DOC-2).
 */
export async function seedDemo(store: DocStore, now: number): Promise<number> {
  if ((await store.list()).length > 0) return 0;
  const writes: DocWrite[] = demoCases.map((demo) => {
    const doc = new Y.Doc();
    const caseFile = new CaseFile(doc);
    caseFile.create({
      id: demo.id as CaseId,
      title: demo.title,
      village: demo.village as VillageId,
      disputeType: demo.disputeType,
      createdAt: now - demo.daysAgo * dayMs,
    });
    caseFile.notes.insert(0, demo.notes);
    if (demo.level) caseFile.setLevel(demo.level);
    if (demo.leaders) caseFile.setLeaders(demo.leaders);
    if (demo.departments) caseFile.setDepartments(demo.departments);
    const write: DocWrite = {
      name: docName('case', demo.id),
      updates: [Y.encodeStateAsUpdate(doc)],
      summary: summarizeDoc('case', doc),
    };
    doc.destroy();
    return write;
  });
  writes.push(demoMeeting());
  await store.append(writes, now);
  return writes.length;
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
