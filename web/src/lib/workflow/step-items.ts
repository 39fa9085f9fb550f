import * as Y from 'yjs';

/** Where a step sits in the document's history: the client that wrote it and its clock there. */
export interface StepItemId {
  client: number;
  clock: number;
}

/**
 * The Yjs id of each step in a timeline array, by step id, so that what the server acknowledged (a state vector,
 * SPEC S-ACK-1) can be asked of one step: the server has it when its clock for the step's client is past it.
 * Values that are not steps (without a string `id`) are left out.
 */
export function stepItemIds(timeline: Y.Array<unknown>): Map<string, StepItemId> {
  const ids = new Map<string, StepItemId>();
  for (let item = timeline._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentAny)) continue;
    const values: unknown[] = item.content.getContent();
    values.forEach((value, offset) => {
      if (typeof value !== 'object' || value === null || !('id' in value)) return;
      const id = value.id;
      if (typeof id === 'string') ids.set(id, { client: item.id.client, clock: item.id.clock + offset });
    });
  }
  return ids;
}

/** Whether a state vector covers one item: the server's clock for its client is past the item's. */
export function covers(stateVector: ReadonlyMap<number, number>, item: StepItemId): boolean {
  return (stateVector.get(item.client) ?? 0) > item.clock;
}
