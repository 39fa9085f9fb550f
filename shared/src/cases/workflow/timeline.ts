import * as Y from 'yjs';
import { workflowEventSchema, type WorkflowEvent } from './events.ts';
import { orderedAt, readReceipts, receiptsKey, type Receipt } from './receipts.ts';
import { deriveWorkflow, type WorkflowConflict, type WorkflowState } from './transitions.ts';

// The name of the case document's timeline. Never rename: stored documents use it.
export const timelineKey = 'timeline';

/** A random event id: 16 hex digits, enough that two devices never pick the same one. */
export function newEventId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The case's timeline: every step of its life as an event appended to a Y.Array, so steps recorded offline on
 * several devices all survive the merge; the state is derived from it (SPEC C-FLOW-1).
 */
export class CaseTimeline {
  readonly #events: Y.Array<unknown>;
  readonly #doc: Y.Doc;

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    this.#events = doc.getArray(timelineKey);
  }

  /** Appends a step, checked against the schema so a bug here never writes what a reader refuses. */
  record(event: WorkflowEvent): void {
    const checked = workflowEventSchema.parse(event);
    this.#events.doc?.transact(() => this.#events.push([checked]), 'concord:local-edit');
  }

  /**
   * The events this version can read; others (from a newer version, or damaged) are kept in the document. Each
   * carries the time every replica orders it by: a device clock that ran ahead of the server's receipt is
   * clamped to it (SPEC A-ATTEST-3).
   */
  get events(): WorkflowEvent[] {
    const receipts = readReceipts(this.#doc);
    const events: WorkflowEvent[] = [];
    for (const value of this.#events.toArray()) {
      const parsed = workflowEventSchema.safeParse(value);
      if (!parsed.success) continue;
      const at = orderedAt(parsed.data.at, receipts.get(parsed.data.id));
      events.push(at === parsed.data.at ? parsed.data : { ...parsed.data, at });
    }
    return events;
  }

  /** When the server received each step, by step id (SPEC A-ATTEST-2); a step not yet received has none. */
  get receipts(): Map<string, Receipt> {
    return readReceipts(this.#doc);
  }

  derive(): { state: WorkflowState; conflicts: WorkflowConflict[] } {
    return deriveWorkflow(this.events);
  }

  /** Calls `listener` when a step is added or the server receipts one. */
  observe(listener: () => void): () => void {
    const receipts = this.#doc.getMap(receiptsKey);
    this.#events.observe(listener);
    receipts.observe(listener);
    return () => {
      this.#events.unobserve(listener);
      receipts.unobserve(listener);
    };
  }
}
