import * as Y from 'yjs';
import type { RefusedChange } from '../guard-refusals.ts';
import type { DeltaOp } from './transaction-changes.ts';

/**
 * What the server writes back after a client's update (SPEC A-GUARD-1): the undoing of what the sender may not
 * change, as plain data decided while the transaction's content was still at hand, and the server's own notes
 * (receipts of steps, client ids bound to accounts). Applied in one transaction with the server's origin, saved
 * and relayed like any edit: a new change, never a rewrite of history.
 */
export interface Compensation {
  /** Keys of top-level maps to set back (`undefined`: to take away). */
  mapSets: { map: string; key: string; value: unknown }[];
  /** Elements a client added to a top-level array that do not stand. */
  removals: { array: string; item: Y.Item; offset: number }[];
  /** Elements a client took away from a top-level array, appended again as they were. */
  appends: { array: string; values: unknown[] }[];
  /** Nested maps (parties) a client took away, added again with the entries they had. */
  mapElementRestores: { array: string; entries: Record<string, unknown> }[];
  /** Texts to make what they were before (a refused emptying). */
  textRestores: { text: string; delta: DeltaOp[] }[];
}

export interface GuardVerdict {
  refused: RefusedChange[];
  compensation: Compensation;
  /** Steps that stand, to be receipted by the server (SPEC A-ATTEST-2). */
  acceptedSteps: string[];
}

export function emptyCompensation(): Compensation {
  return { mapSets: [], removals: [], appends: [], mapElementRestores: [], textRestores: [] };
}

export function isEmpty(compensation: Compensation): boolean {
  return (
    compensation.mapSets.length === 0 &&
    compensation.removals.length === 0 &&
    compensation.appends.length === 0 &&
    compensation.mapElementRestores.length === 0 &&
    compensation.textRestores.length === 0
  );
}

/** The index of an element's item in its array now, or -1 once it is gone. */
function indexOf(array: Y.Array<unknown>, target: Y.Item): number {
  let index = 0;
  for (let item = array._start; item !== null; item = item.right) {
    if (item === target) return item.deleted ? -1 : index;
    if (!item.deleted && item.countable) index += item.length;
  }
  return -1;
}

/** Writes the compensation; the caller runs this inside the server's transaction. */
export function applyCompensation(doc: Y.Doc, compensation: Compensation): void {
  for (const { map, key, value } of compensation.mapSets) {
    const target = doc.getMap<unknown>(map);
    if (value === undefined) target.delete(key);
    else target.set(key, value);
  }
  // an element held in one item with others is taken out alone; the last first, so deleting one splits the
  // item after the ones still to go, and the item keeps holding them at their offsets
  const removals = [...compensation.removals].sort((a, b) => b.offset - a.offset);
  for (const { array, item, offset } of removals) {
    const target = doc.getArray<unknown>(array);
    const index = indexOf(target, item);
    if (index >= 0) target.delete(index + offset, 1);
  }
  for (const { array, values } of compensation.appends) doc.getArray<unknown>(array).push(values);
  for (const { array, entries } of compensation.mapElementRestores) {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(entries)) map.set(key, value);
    doc.getArray<unknown>(array).push([map]);
  }
  for (const { text, delta } of compensation.textRestores) {
    const target = doc.getText(text);
    if (target.length > 0) target.delete(0, target.length);
    target.applyDelta(delta);
  }
}
