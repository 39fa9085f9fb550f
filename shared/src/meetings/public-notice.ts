import { invitedPerson } from '../access/rights.ts';
import type { Role } from '../auth/user.ts';
import type { MeetingFile } from './meeting-file.ts';
import type { DeliberationStage, MeetingKind } from './meeting-parts.ts';
import { redactForPublic, type PrivateDetails } from './redaction.ts';

/**
 * The public notice of a meeting (公开公示, SPEC M-PUBLIC-2): what it decided and who is to do what, as the village
 * may read it on its notice board. Nobody is named: the parties' details are redacted from every text, and the
 * staff appear as the bodies they act for (the police post, a department), since the public holds a body to its
 * word, not a clerk, and a clerk's name is theirs. Who signed in is not shown either; the bodies invited are.
 */
export interface PublicNotice {
  /** Only finalized minutes are for posting; before that the notice is a draft (SPEC M-PUBLIC-2). */
  final: boolean;
  lockedAt: number | null;
  meetingId: string | null;
  kind: MeetingKind;
  stage: DeliberationStage | null;
  title: string;
  date: string | null;
  time: string | null;
  place: string;
  village: string | null;
  /** The body that convened it (`governanceCentre`, ...). */
  convenerBody: string | null;
  /** The bodies invited: town agencies by role, `dept:<id>`, `village:<id>`. */
  bodies: string[];
  items: PublicNoticeItem[];
  /** Action items decided on no item of the agenda. */
  otherActions: PublicAction[];
}

export interface PublicNoticeItem {
  id: string;
  topic: string;
  /** The minutes as plain text, redacted. */
  minutes: string;
  decisions: string[];
  actions: PublicAction[];
}

export interface PublicAction {
  text: string;
  /** The body that must do it, not the person. */
  ownerBody: string | null;
  deadline: string | null;
  done: boolean;
}

/** What a person is, as far as a public notice names them. */
export interface BodyFacts {
  role: Role;
  village: string | null;
  agency: string | null;
}

/** The body a member of staff acts for: their department, their village, or their agency (their role). */
export function bodyOfPerson(person: BodyFacts): string {
  if (person.role === 'department' && person.agency) return `dept:${person.agency}`;
  if (person.village && ['villageCadre', 'gridWorker', 'mediator'].includes(person.role)) {
    return `village:${person.village}`;
  }
  return person.role;
}

/**
 * Builds the public notice from the meeting's document and the private details of its cases' parties.
 * `bodyOf` tells the body an account acts for (from the staff directory); unknown accounts show no body.
 */
export function publicMeeting(
  meeting: MeetingFile,
  details: PrivateDetails,
  bodyOf: (accountId: string) => string | null = () => null,
): PublicNotice {
  const redact = (text: string) => redactForPublic(text, details);
  const actions = meeting.actions;
  const publicAction = (action: (typeof actions)[number]): PublicAction => ({
    text: redact(action.text),
    ownerBody: action.owner ? bodyOf(action.owner) : null,
    deadline: action.deadline,
    done: meeting.isDone(action.id),
  });
  const items = meeting.agendaItems;
  const itemIds = new Set(items.map((item) => item.id));
  const convener = meeting.convener;
  return {
    final: meeting.locked !== null,
    lockedAt: meeting.locked?.at ?? null,
    meetingId: meeting.id,
    kind: meeting.kind,
    stage: meeting.stage,
    title: redact(meeting.title.toString()),
    date: meeting.date,
    time: meeting.time,
    place: redact(meeting.place),
    village: meeting.village,
    convenerBody: convener ? bodyOf(convener) : null,
    // a person invited by name is private like any name: the notice lists bodies only
    bodies: meeting.invited.filter((party) => invitedPerson(party) === null),
    items: items.map((item) => ({
      id: item.id,
      topic: redact(item.topic),
      minutes: redact(meeting.minutes(item.id).toString()).trim(),
      decisions: meeting.decisions
        .filter((decision) => decision.itemId === item.id)
        .map((decision) => redact(decision.text)),
      actions: actions.filter((action) => action.itemId === item.id).map(publicAction),
    })),
    otherActions: actions
      .filter((action) => action.itemId === null || !itemIds.has(action.itemId))
      .map(publicAction),
  };
}

/** The case ids a meeting is about: its agenda's and its action items'. Their parties' details are redacted. */
export function casesOfMeeting(meeting: MeetingFile): string[] {
  const ids = new Set<string>();
  for (const item of meeting.agendaItems) if (item.caseId) ids.add(item.caseId);
  for (const action of meeting.actions) if (action.caseId) ids.add(action.caseId);
  return [...ids];
}
