import * as Y from 'yjs';
import { workflowEventSchema, type WorkflowEvent } from './events.ts';
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

  constructor(doc: Y.Doc) {
    this.#events = doc.getArray(timelineKey);
  }

  /** Appends a step, checked against the schema so a bug here never writes what a reader refuses. */
  record(event: WorkflowEvent): void {
    const checked = workflowEventSchema.parse(event);
    this.#events.doc?.transact(() => this.#events.push([checked]), 'concord:local-edit');
  }

  /** The events this version can read; others (from a newer version, or damaged) are kept in the document. */
  get events(): WorkflowEvent[] {
    const events: WorkflowEvent[] = [];
    for (const value of this.#events.toArray()) {
      const parsed = workflowEventSchema.safeParse(value);
      if (parsed.success) events.push(parsed.data);
    }
    return events;
  }

  derive(): { state: WorkflowState; conflicts: WorkflowConflict[] } {
    return deriveWorkflow(this.events);
  }

  observe(listener: () => void): () => void {
    this.#events.observe(listener);
    return () => this.#events.unobserve(listener);
  }
}
