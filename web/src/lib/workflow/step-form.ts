import type { Subject } from '@concord/shared/access/rights.ts';
import type { WorkflowState } from '@concord/shared/cases/workflow/transitions.ts';
import type { Person } from './people.ts';
import type { StepDraft, StepInput } from './step-drafts.ts';

/** What every step form is given by the list of next steps. */
export interface StepFormProps {
  standing: WorkflowState;
  /** The active people the page can name, to choose from. */
  people: readonly Person[];
  /** The signed-in person, who records the step. */
  actor: Subject;
  /** The village the case belongs to: its staff, not another village's, are offered. */
  caseVillage: string | null;
  /** A name for any account id, the inactive ones too. */
  nameOf: (id: string) => string;
  /** Checks and, when it passes, records the step; the form shows what came back when it did not. */
  submit: (input: StepInput) => StepDraft;
  oncancel: () => void;
}
