import { rowDeadlineStatus } from '../ledger/query.ts';
import type { LedgerRow } from '../ledger/ledger-row.ts';
import { parseDocName } from '../sync/doc-name.ts';

/** Why the agenda builder proposes a case (SPEC M-AGENDA-1), in the order they are told. */
export const agendaReasons = [
  'overdue',
  'criminalRisk',
  'highRisk',
  'escalated',
  'failedAttempts',
  'spansVillages',
  'needsReview',
] as const;
export type AgendaReason = (typeof agendaReasons)[number];

/** Mediation attempts at one level before a case is due to go up (SPEC C-FLOW-4). */
export const failedAttemptsAtLevel = 3;

export interface AgendaProposal {
  caseId: string;
  title: string;
  village: string | null;
  reasons: AgendaReason[];
}

/** The reasons a ledger row deserves the meeting's time now; none for a case already settled. */
export function reasonsFor(row: LedgerRow, now: number): AgendaReason[] {
  if (row.stage === 'closed' || row.stage === 'evaluated') return [];
  const reasons: AgendaReason[] = [];
  if (rowDeadlineStatus(row, now) === 'overdue') reasons.push('overdue');
  if (row.risk === 'criminal') reasons.push('criminalRisk');
  if (row.risk === 'high') reasons.push('highRisk');
  if (row.level !== 'village') reasons.push('escalated');
  if (row.attemptsAtLevel >= failedAttemptsAtLevel) reasons.push('failedAttempts');
  if (row.spansVillages) reasons.push('spansVillages');
  if (row.needsReview) reasons.push('needsReview');
  return reasons;
}

/**
 * The cases of the ledger the agenda builder proposes, each with its reasons (SPEC M-AGENDA-1): open cases that
 * are overdue, of high or criminal risk, escalated to the town or county, past three attempts at their level,
 * spanning villages or needing review, and not on the agenda yet. Those with the most reasons come first, then
 * the most urgent reason, then the earliest deadline.
 */
export function proposeAgenda(
  rows: readonly LedgerRow[],
  now: number,
  alreadyOnAgenda: ReadonlySet<string>,
  /** A village's deliberation meeting weighs its own cases; the town's meetings all (null). */
  village: string | null = null,
): AgendaProposal[] {
  const proposals: (AgendaProposal & { deadline: number | null })[] = [];
  for (const row of rows) {
    const parsed = parseDocName(row.name);
    if (!parsed.ok || parsed.kind !== 'case' || alreadyOnAgenda.has(parsed.id)) continue;
    if (village !== null && row.village !== village) continue;
    const reasons = reasonsFor(row, now);
    if (reasons.length === 0) continue;
    proposals.push({
      caseId: parsed.id,
      title: row.title,
      village: row.village,
      reasons,
      deadline: row.deadline,
    });
  }
  const urgency = (reasons: AgendaReason[]) => agendaReasons.indexOf(reasons[0] ?? 'needsReview');
  proposals.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      urgency(a.reasons) - urgency(b.reasons) ||
      (a.deadline ?? Infinity) - (b.deadline ?? Infinity) ||
      a.caseId.localeCompare(b.caseId),
  );
  return proposals.map(({ deadline: _deadline, ...proposal }) => proposal);
}
