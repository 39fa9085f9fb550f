import * as Y from 'yjs';
import type { VillageId } from '../org/jurisdiction.ts';
import { CaseFile, type CaseId } from './case-file.ts';

// Replicas of one case file for the register tests (SPEC C-REG-1…3), with clocks and ids the tests decide.

export function replicaOf(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

/** Sends `to` what `from` has and `to` lacks: one direction of a sync. */
export function send(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

export function exchange(a: Y.Doc, b: Y.Doc): void {
  send(a, b);
  send(b, a);
}

/** A case file whose clock and ids the test decides. */
export function device(doc: Y.Doc, name: string, time: { now: number }): CaseFile {
  let next = 0;
  return new CaseFile(doc, {
    now: () => time.now,
    newId: () => `${name}-${String(next++).padStart(6, '0')}`,
  });
}

export function created(time: { now: number }): CaseFile {
  const caseFile = device(new Y.Doc(), 'origin', time);
  caseFile.create({
    id: 'registercase0001' as CaseId,
    title: '王某与刘某山林地界纠纷',
    village: 'jiangting' as VillageId,
    disputeType: 'forestLandBoundary',
    createdAt: 1,
    by: 'acct-grid',
  });
  return caseFile;
}
