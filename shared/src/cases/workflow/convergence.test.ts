import fc from 'fast-check';
import { stepsAndShuffled } from './interleavings.fixtures.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { escalationLevels } from '../../org/agencies.ts';
import { outcomes, riskGrades, workflowEventSchema, type WorkflowEvent } from './events.ts';
import { CaseTimeline } from './timeline.ts';
import { deriveWorkflow } from './transitions.ts';

const people = ['grid1', 'cadre1', 'police1', 'judicial1', 'centre1'] as const;

/** Any step anyone might record, valid where it lands or not: the merge must cope with all of them. */
const eventArb: fc.Arbitrary<Omit<WorkflowEvent, 'id'>> = fc
  .oneof(
    fc.record({ kind: fc.constant('registered' as const), risk: fc.constantFrom(...riskGrades) }),
    fc.record({
      kind: fc.constant('dispatched' as const),
      handler: fc.constantFrom(...people),
      departments: fc.constant([]),
      leaders: fc.constant([]),
      deadline: fc.nat(),
    }),
    fc.record({
      kind: fc.constant('attempt' as const),
      level: fc.constantFrom(...escalationLevels),
      participants: fc.constant([]),
      result: fc.constantFrom('agreed' as const, 'failed' as const),
      note: fc.string({ maxLength: 5 }),
    }),
    fc.record({
      kind: fc.constant('escalated' as const),
      from: fc.constantFrom(...escalationLevels),
      reason: fc.constant(''),
    }),
    fc.record({
      kind: fc.constant('closed' as const),
      outcome: fc.constantFrom(...outcomes),
      verifier: fc.constantFrom(...people),
    }),
    fc.record({ kind: fc.constant('evaluated' as const), satisfaction: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('reopened' as const), reason: fc.constant('') }),
  )
  .chain((event) =>
    fc.record({ at: fc.integer({ min: 0, max: 50 }), by: fc.constantFrom(...people) }).map((meta) => ({
      ...event,
      ...meta,
    })),
  );

/** Several replicas each record steps offline, then exchange updates in some order. */
const scenarioArb = fc.record({
  steps: fc.array(fc.record({ replica: fc.integer({ min: 0, max: 2 }), event: eventArb }), { maxLength: 25 }),
  exchange: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), {
    minLength: 6,
    maxLength: 12,
  }),
});

describe('concurrent steps on several replicas', () => {
  it('C-FLOW-1, C-FLOW-3: any interleaving of steps from three replicas derives one state and one list of conflicts', () => {
    fc.assert(
      fc.property(scenarioArb, ({ steps, exchange }) => {
        const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
        steps.forEach(({ replica, event }, i) => {
          const doc = docs[replica];
          if (!doc) throw new Error('no replica');
          new CaseTimeline(doc).record(
            workflowEventSchema.parse({ ...event, id: `event-${String(i).padStart(4, '0')}` }),
          );
        });
        // some partial exchanges in the generated order, then everyone meets everyone
        const sync = (from: number, to: number) => {
          const a = docs[from];
          const b = docs[to];
          if (a && b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
        };
        for (const [from, to] of exchange) sync(from, to);
        for (const from of [0, 1, 2]) for (const to of [0, 1, 2]) sync(from, to);

        const derived = docs.map((doc) => deriveWorkflow(new CaseTimeline(doc).events));
        expect(derived[1]).toEqual(derived[0]);
        expect(derived[2]).toEqual(derived[0]);
        // and every step recorded anywhere is in it: applied, or kept and shown as a conflict
        expect(new CaseTimeline(docs[0] ?? new Y.Doc()).events).toHaveLength(steps.length);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('C-FLOW-1: the order events arrive in never matters', () => {
    fc.assert(
      fc.property(stepsAndShuffled(eventArb, 30), ([events, shuffled]) => {
        expect(deriveWorkflow(shuffled)).toEqual(deriveWorkflow(events));
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});
