import * as Y from 'yjs';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
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
    const write: DocWrite = {
      name: docName('case', demo.id),
      updates: [Y.encodeStateAsUpdate(doc)],
      summary: summarizeDoc('case', doc),
    };
    doc.destroy();
    return write;
  });
  await store.append(writes, now);
  return writes.length;
}
