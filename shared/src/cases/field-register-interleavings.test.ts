import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VillageId } from '../org/jurisdiction.ts';
import type { CaseFile } from './case-file.ts';
import type { DisputeType } from './dispute-type.ts';
import { created, device, replicaOf, send } from './field-register.fixtures.ts';

type Op =
  | { kind: 'write'; replica: number; field: 'title' | 'village' | 'disputeType'; value: number; at: number }
  | { kind: 'send'; from: number; to: number }
  | { kind: 'keep'; replica: number; field: 'title' | 'village' | 'disputeType'; pick: number; at: number };

const fieldNames = ['title', 'village', 'disputeType'] as const;
const titles = ['司法所改的标题', '警务室改的标题', '村委会改的标题'];
const villages = ['jiangting', 'hongyan', 'pingzhai'] as VillageId[];
const types: DisputeType[] = ['land', 'neighbours', 'forestLandBoundary'];

const opArb = (replicas: number): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('write' as const),
      replica: fc.nat(replicas - 1),
      field: fc.constantFrom(...fieldNames),
      value: fc.nat(2),
      // device clocks disagree: a later write may carry an earlier time
      at: fc.integer({ min: 2_000, max: 2_050 }),
    }),
    fc.record({ kind: fc.constant('send' as const), from: fc.nat(replicas - 1), to: fc.nat(replicas - 1) }),
    fc.record({
      kind: fc.constant('keep' as const),
      replica: fc.nat(replicas - 1),
      field: fc.constantFrom(...fieldNames),
      pick: fc.nat(3),
      at: fc.integer({ min: 2_000, max: 2_050 }),
    }),
  );

/** The item at `index`, which the test knows is there. */
function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`nothing at ${index}`);
  return item;
}

function write(caseFile: CaseFile, field: (typeof fieldNames)[number], value: number): void {
  if (field === 'title') caseFile.setTitle(nth(titles, value));
  else if (field === 'village') caseFile.setVillage(nth(villages, value));
  else caseFile.setDisputeType(nth(types, value));
}

/** What a replica shows of the registers: the values shown and the values flagged. */
function shown(caseFile: CaseFile) {
  const { title, village, disputeType } = caseFile.summary();
  return {
    title,
    village,
    disputeType,
    conflicts: caseFile.conflicts,
    flagged: fieldNames.map((field) => caseFile.register(field).values.map((value) => value.value)),
  };
}

describe('registers over interleavings', () => {
  it('C-REG-2, C-REG-3: any interleaving of writes, syncs and keeps converges to one value and the same flags; a keep clears them', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 4 })
          .chain((replicas) =>
            fc.tuple(fc.constant(replicas), fc.array(opArb(replicas), { minLength: 1, maxLength: 30 })),
          ),
        ([replicas, ops]) => {
          const base = created({ now: 1_000 });
          const clocks = Array.from({ length: replicas }, () => ({ now: 1_000 }));
          const devices = clocks.map((clock, i) => device(replicaOf(base.doc), `r${i}`, clock));
          // the model: each write with the writes its replica knew of, and the writes each replica knows of
          const known = devices.map(() => new Set<string>());
          const past = new Map<string, { field: string; saw: Set<string> }>();
          const ids = (caseFile: CaseFile, field: string) => caseFile.fieldHistory(field).map(({ id }) => id);

          for (const op of ops) {
            if (op.kind === 'send') {
              send(nth(devices, op.from).doc, nth(devices, op.to).doc);
              for (const id of nth(known, op.from)) nth(known, op.to).add(id);
              continue;
            }
            const caseFile = nth(devices, op.replica);
            nth(clocks, op.replica).now = op.at;
            const before = new Set(ids(caseFile, op.field));
            if (op.kind === 'write') write(caseFile, op.field, op.value);
            else {
              const standing = caseFile.register(op.field).values;
              const kept = standing[op.pick % standing.length];
              if (kept) caseFile.resolve(op.field, kept.id);
            }
            // a clock that went back files the new write before older ones: find it by id
            const written = ids(caseFile, op.field).filter((id) => !before.has(id));
            expect(written.length).toBeLessThanOrEqual(1);
            for (const id of written) {
              past.set(id, { field: op.field, saw: new Set(nth(known, op.replica)) });
              nth(known, op.replica).add(id);
            }
          }

          // everyone meets: every replica holds every write
          for (const from of devices) for (const to of devices) send(from.doc, to.doc);
          const views = devices.map(shown);
          for (const view of views) expect(view).toEqual(views[0]);
          const first = nth(devices, 0);

          for (const field of fieldNames) {
            const state = first.register(field);
            // the heads are exactly the writes no other write was made after seeing (the initial value aside)
            const writes = [...past].filter(([, entry]) => entry.field === field);
            const expected = writes
              .filter(([id]) => !writes.some(([, other]) => other.saw.has(id)))
              .map(([id]) => id)
              .sort();
            if (writes.length > 0) expect(state.heads.map((head) => head.id).sort()).toEqual(expected);
            // one value shown, among the values written, never two glued together
            expect(state.current).not.toBeNull();
            expect(state.values[0]).toEqual(state.current);
            if (field === 'title')
              expect([...titles, '王某与刘某山林地界纠纷']).toContain(first.summary().title);
          }

          // one person keeps the value shown of each field in conflict: gone everywhere once they meet again
          for (const field of first.conflicts) {
            const shownValue = first.register(field).current;
            if (shownValue) first.resolve(field, shownValue.id);
          }
          for (const from of devices) for (const to of devices) send(from.doc, to.doc);
          for (const caseFile of devices) expect(caseFile.conflicts).toEqual([]);
          const settled = devices.map(shown);
          for (const view of settled) expect(view).toEqual(settled[0]);
          expect(settled[0]).toMatchObject({ title: nth(views, 0).title, village: nth(views, 0).village });
        },
      ),
      { numRuns: 150 },
    );
  });
});
