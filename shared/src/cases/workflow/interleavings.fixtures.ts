import fc from 'fast-check';
import { workflowEventSchema, type WorkflowEvent } from './events.ts';

/**
 * Steps from `step`, each given an id in order, with the same steps in another order: for properties that what a
 * timeline derives never depends on the order its steps arrived in (SPEC C-FLOW-1).
 */
export function stepsAndShuffled(
  step: fc.Arbitrary<Record<string, unknown>>,
  maxLength: number,
): fc.Arbitrary<[WorkflowEvent[], WorkflowEvent[]]> {
  return fc
    .array(step, { maxLength })
    .chain((steps) =>
      fc.tuple(
        fc.constant(
          steps.map((s, i) => workflowEventSchema.parse({ ...s, id: `event-${String(i).padStart(4, '0')}` })),
        ),
        fc.infiniteStream(fc.nat()),
      ),
    )
    .map(([events, random]): [WorkflowEvent[], WorkflowEvent[]] => {
      const shuffled = [...events];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (random.next().value ?? 0) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j] as WorkflowEvent, shuffled[i] as WorkflowEvent];
      }
      return [events, shuffled];
    });
}
