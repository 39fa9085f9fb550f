import type { CaseSummary } from '@concord/shared/cases/case-file.ts';
import { notesLines, type NoteLine, type RawTextOp } from '@concord/shared/cases/notes-format.ts';
import type { Party } from '@concord/shared/cases/parties.ts';
import type { Outcome, WorkflowEvent } from '@concord/shared/cases/workflow/events.ts';
import { inOrder, type WorkflowState } from '@concord/shared/cases/workflow/transitions.ts';

/** What the printed mediation agreement (人民调解协议书) says, taken from the case file alone. */
export interface AgreementView {
  caseId: string;
  title: string;
  village: CaseSummary['village'];
  disputeType: CaseSummary['disputeType'];
  /** Applicants first, then respondents, then others, as such documents list them. Empty: a blank to fill in. */
  parties: Party[];
  /** The notes, line by line with their formatting (SPEC C-NOTES-3); empty: a blank to write in. */
  facts: NoteLine[];
  /** What the parties agreed, from the notes of the attempts that came to an agreement; empty: lines to write on. */
  terms: string[];
  outcome: Outcome | null;
  /** True only for a case closed with a mediation agreement; anything else prints as a draft. */
  final: boolean;
  /** The close-out's date, or today's for a draft. */
  date: number;
  /** The account that handled the case, who signs as mediator. */
  mediator: string | null;
}

const roleOrder: Record<Party['role'], number> = { applicant: 0, respondent: 1, other: 2 };

export function agreementView(input: {
  summary: Pick<CaseSummary, 'id' | 'title' | 'village' | 'disputeType'>;
  /** The notes as the document holds them (`Y.Text.toDelta()`). */
  notes: readonly RawTextOp[];
  parties: readonly Party[];
  state: WorkflowState;
  events: readonly WorkflowEvent[];
  now: number;
}): AgreementView {
  const { summary, state } = input;
  const since = lastReopening(input.events);
  const terms = inOrder(input.events)
    .filter((e) => e.at >= since)
    .flatMap((e) =>
      e.kind === 'attempt' && e.result === 'agreed' && e.note.trim() !== '' ? [e.note.trim()] : [],
    );
  return {
    caseId: summary.id ?? '',
    title: summary.title,
    village: summary.village,
    disputeType: summary.disputeType,
    parties: [...input.parties].sort((a, b) => roleOrder[a.role] - roleOrder[b.role]),
    facts: notesLines(input.notes),
    terms,
    outcome: state.outcome,
    final: state.outcome === 'agreement' && (state.stage === 'closed' || state.stage === 'evaluated'),
    date: state.closedAt ?? input.now,
    mediator: state.handler,
  };
}

/** An agreement reached before a relapse is not the one in force: only what came after the last reopening counts. */
function lastReopening(events: readonly WorkflowEvent[]): number {
  let at = 0;
  for (const event of events) if (event.kind === 'reopened' && event.at > at) at = event.at;
  return at;
}
