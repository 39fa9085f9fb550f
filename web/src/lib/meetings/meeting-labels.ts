import { invitedPerson } from '@concord/shared/access/rights.ts';
import type { Role } from '@concord/shared/auth/user.ts';
import { agendaReasons, type AgendaReason } from '@concord/shared/meetings/agenda-proposals.ts';
import type { DeliberationStage, MeetingKind } from '@concord/shared/meetings/meeting-parts.ts';
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import { bodyName } from './paper-labels.ts';

export function meetingKindKey(kind: MeetingKind): MessageKey {
  return `meeting_kind_${kind}`;
}

export function stageKey(stage: DeliberationStage): MessageKey {
  return `meeting_stage_${stage}`;
}

/** The words for a proposal's reason; a reason this version does not know is shown as stored. */
export function reasonLabel(reason: string, locale: Locale): string {
  return (agendaReasons as readonly string[]).includes(reason)
    ? translate(locale, `reason_${reason as AgendaReason}`)
    : reason;
}

/** The town agencies a meeting invites by role (SPEC A-RIGHT-7). */
export const invitableRoles: readonly Role[] = [
  'governanceCentre',
  'judicialOffice',
  'policePost',
  'mediator',
  'caseLeader',
];

/**
 * An invited party in words: a town agency by role, `dept:<id>` a department, `village:<id>` a village's staff,
 * `person:<id>` one person by name.
 */
export function partyName(party: string, locale: Locale, nameOf?: (id: string) => string): string {
  const person = invitedPerson(party);
  if (person !== null && nameOf) return nameOf(person);
  const name = bodyName(party, locale);
  return name === party ? translate(locale, 'party_unknown', { value: party }) : name;
}
