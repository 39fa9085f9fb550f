import * as Y from 'yjs';
import { CaseFile, type CaseId } from '../../shared/src/cases/case-file.ts';
import type { DisputeType } from '../../shared/src/cases/dispute-type.ts';
import { workflowEventSchema, type WorkflowEvent } from '../../shared/src/cases/workflow/events.ts';
import { CaseTimeline } from '../../shared/src/cases/workflow/timeline.ts';
import { summarizeDoc } from '../../shared/src/docs/summary.ts';
import type { VillageId } from '../../shared/src/org/jurisdiction.ts';
import { docName, type DocName } from '../../shared/src/sync/doc-name.ts';
import type { TestServer } from './test-server.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A step as a test writes it: its id and time are given in order. */
export type Step = DistributiveOmit<WorkflowEvent, 'id' | 'at'>;

const minute = 60_000;

export interface CaseOnRecord {
  id: string;
  title: string;
  village?: string;
  disputeType?: DisputeType;
  notes?: string;
  /** Steps already taken, one minute apart, ending now: earlier than anything a test then records. */
  steps?: Step[];
  /** Anything else the case held (parties, a grid). */
  more?: (caseFile: CaseFile) => void;
}

/**
 * Writes a case into the server's store as it stood before the test, the way the demo seeding does: the town's
 * record as others made it, steps in their own names, not edits sent by anyone now (so the server's guard, which
 * checks what a socket sends in its person's name, has nothing to say about it).
 */
export async function storeCase(server: TestServer, record: CaseOnRecord): Promise<DocName> {
  const doc = new Y.Doc();
  const caseFile = new CaseFile(doc);
  caseFile.create({
    id: record.id as CaseId,
    title: record.title,
    village: (record.village ?? 'jiangting') as VillageId,
    disputeType: record.disputeType ?? 'neighbours',
    createdAt: Date.now() - 60 * minute,
  });
  if (record.notes) caseFile.notes.insert(0, record.notes);
  record.more?.(caseFile);
  const steps = record.steps ?? [];
  const start = Date.now() - steps.length * minute;
  steps.forEach((step, i) => {
    new CaseTimeline(doc).record(
      workflowEventSchema.parse({
        ...step,
        id: `${record.id}-step-${String(i).padStart(4, '0')}`,
        at: start + i * minute,
      }),
    );
  });
  const name = docName('case', record.id);
  await server.store.append(
    [{ name, updates: [Y.encodeStateAsUpdate(doc)], summary: summarizeDoc('case', doc) }],
    Date.now(),
  );
  doc.destroy();
  return name;
}
