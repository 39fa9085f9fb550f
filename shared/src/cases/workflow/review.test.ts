import fc from 'fast-check';
import { stepsAndShuffled } from './interleavings.fixtures.ts';
import { describe, expect, it } from 'vitest';
import { escalationLevels } from '../../org/agencies.ts';
import { attemptResults, outcomes, type WorkflowEvent } from './events.ts';
import { flagKind, needsReview, openFlags, reviewFlags, reviewReasons } from './review.ts';
import { closed, dispatched, ev, escalated, registered } from './sample-events.ts';

const tried = (m: number, result: 'agreed' | 'partly' | 'failed', level: 'village' | 'town' = 'village') =>
  ev(m, 'attempt', { level, participants: [], result, note: '' }, 'demo-cadre1');
const reviewed = (m: number, flag: string) => ev(m, 'reviewed', { flag, note: '已核实' }, 'demo-centre1');
const kinds = (events: WorkflowEvent[]) => openFlags(events).map((flag) => flag.kind);

describe('review flags', () => {
  it('C-REVIEW-1: an agreed attempt and an escalation from the same level are flagged, in either order', () => {
    const agreedFirst = [registered(1), dispatched(2), tried(3, 'agreed'), escalated(4, 'village')];
    const flags = openFlags(agreedFirst);
    expect(flags.map((f) => f.kind)).toEqual([flagKind.agreedAndEscalated]);
    expect(flags[0]?.steps.map((s) => s.kind)).toEqual(['attempt', 'escalated']);

    // escalated first: the attempt then falls at a level the case has left, and is a conflict as well
    const escalatedFirst = [registered(1), dispatched(2), escalated(3, 'village'), tried(4, 'agreed')];
    expect(kinds(escalatedFirst).sort()).toEqual(
      [flagKind.agreedAndEscalated, flagKind.conflictingStep].sort(),
    );

    // a failed attempt before going up is the ordinary way up; an agreement at the town is not the village's
    expect(kinds([registered(1), dispatched(2), tried(3, 'failed'), escalated(4, 'village')])).toEqual([]);
    expect(
      kinds([registered(1), dispatched(2), escalated(3, 'village'), tried(4, 'agreed', 'town')]),
    ).toEqual([]);
  });

  it('C-REVIEW-1, C-REVIEW-2: only steps since the last reopening count', () => {
    const before = [registered(1), dispatched(2), tried(3, 'agreed'), closed(4)];
    const reopened = ev(5, 'reopened', { reason: '反弹' });
    // after a relapse, agreeing again and then going up is not a contradiction of the old agreement
    expect(kinds([...before, reopened, escalated(6, 'village')])).toEqual([]);
    expect(kinds([...before, reopened, closed(6)])).toEqual([flagKind.agreementWithoutAgreedAttempt]);
  });

  it('C-REVIEW-2: closing with an agreement after only failed attempts is flagged; after a partial one it is not', () => {
    const failing = [
      registered(1),
      dispatched(2),
      tried(3, 'failed'),
      tried(4, 'failed'),
      tried(5, 'failed'),
    ];
    expect(kinds([...failing, closed(6)])).toEqual([flagKind.agreementWithoutAgreedAttempt]);
    expect(kinds([registered(1), dispatched(2), tried(3, 'partly'), closed(6)])).toEqual([]);
    const toCourt = ev(6, 'closed', { outcome: 'court', verifier: 'demo-centre1' });
    expect(kinds([...failing, toCourt])).toEqual([]);
  });

  it('C-REVIEW-3: a step kept as a conflict is flagged with why it did not apply', () => {
    const flags = openFlags([registered(1), dispatched(2), closed(3), escalated(4, 'village')]);
    expect(flags.map((f) => [f.kind, f.refusal])).toEqual([
      [flagKind.conflictingStep, 'wrong_stage'],
      [flagKind.agreementWithoutAgreedAttempt, null],
    ]);
  });

  it('C-REVIEW-4: a review settles the flag with its key and no other; an unknown key settles nothing', () => {
    const events = [registered(1), dispatched(2), closed(3), escalated(4, 'village')];
    const [first, second] = reviewFlags(events);
    if (!first || !second) throw new Error('two flags expected');
    expect(first.key).toMatch(/^[a-z_]+:event-\d+$/);
    expect(openFlags([...events, reviewed(5, first.key)])).toEqual([second]);
    expect(openFlags([...events, reviewed(5, 'agreed_escalated:nothing')])).toHaveLength(2);
    expect(openFlags([...events, reviewed(5, first.key), reviewed(6, second.key)])).toEqual([]);
    // a review is a step of its own that moves nothing, wherever it falls
    expect(reviewFlags([...events, reviewed(0, first.key)])).toEqual(reviewFlags(events));
  });

  it('L-REVIEW-1: a case needs review while a flag or a conflicting field is unsettled', () => {
    const events = [registered(1), dispatched(2), tried(3, 'failed'), closed(4)];
    const [flag] = reviewFlags(events);
    expect(needsReview(reviewReasons(events))).toBe(true);
    expect(needsReview(reviewReasons([...events, reviewed(5, flag?.key ?? '')]))).toBe(false);
    expect(needsReview(reviewReasons([registered(1)], ['title']))).toBe(true);
    expect(needsReview(reviewReasons([registered(1)]))).toBe(false);
  });
});

/** Steps that contradict easily: few kinds, a couple of levels, times that collide. */
const stepArb: fc.Arbitrary<Omit<WorkflowEvent, 'id'>> = fc
  .oneof(
    fc.constant({ kind: 'registered' as const, risk: 'medium' as const }),
    fc.constant({
      kind: 'dispatched' as const,
      handler: 'demo-police1',
      departments: [],
      leaders: [],
      deadline: 0,
    }),
    fc.record({
      kind: fc.constant('attempt' as const),
      level: fc.constantFrom(...escalationLevels),
      participants: fc.constant([]),
      result: fc.constantFrom(...attemptResults),
      note: fc.constant(''),
    }),
    fc.record({
      kind: fc.constant('escalated' as const),
      from: fc.constantFrom(...escalationLevels),
      reason: fc.constant(''),
    }),
    fc.record({
      kind: fc.constant('closed' as const),
      outcome: fc.constantFrom(...outcomes),
      verifier: fc.constant('demo-centre1'),
    }),
    fc.constant({ kind: 'reopened' as const, reason: '' }),
    fc.record({
      kind: fc.constant('reviewed' as const),
      flag: fc.constantFrom('conflicting_step:event-0002', 'agreement_unagreed:event-0004'),
      note: fc.constant(''),
    }),
  )
  .chain((step) =>
    fc.record({ at: fc.integer({ min: 0, max: 20 }), by: fc.constant('demo-centre1') }).map((meta) => ({
      ...step,
      ...meta,
    })),
  );

describe('review flags on every replica', () => {
  it('C-REVIEW-1…4: any interleaving of the same steps derives the same flags', () => {
    fc.assert(
      fc.property(stepsAndShuffled(stepArb, 25), ([events, shuffled]) => {
        expect(reviewFlags(shuffled)).toEqual(reviewFlags(events));
        expect(openFlags(shuffled)).toEqual(openFlags(events));
      }),
      { numRuns: 400, seed: 20261129 },
    );
  });
});
