import type { WorkflowState } from '@concord/shared/cases/workflow/transitions.ts';
import type { Person } from './people.ts';
import type { StepDraft, StepInput } from './step-drafts.ts';

/** What every step form is given by the list of next steps. */
export interface StepFormProps {
  standing: WorkflowState;
  people: readonly Person[];
  selfId: string | null;
  /** Checks and, when it passes, records the step; the form shows what came back when it did not. */
  submit: (input: StepInput) => StepDraft;
  oncancel: () => void;
}
