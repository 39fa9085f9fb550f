import { invitedPerson } from '@concord/shared/access/rights.ts';
import type { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import type { ActionItem, DeliberationStage, MeetingKind } from '@concord/shared/meetings/meeting-parts.ts';

/**
 * The minutes as the archive keeps them (SPEC M-DOCX-1): everything, unredacted, with people named. Built from the
 * meeting's document; `nameOf` names an account from the staff directory.
 */
export interface ArchiveMinutes {
  final: boolean;
  id: string | null;
  kind: MeetingKind;
  stage: DeliberationStage | null;
  title: string;
  date: string | null;
  time: string | null;
  place: string;
  convener: string | null;
  /** Invited bodies, as keys (`judicialOffice`, `dept:<id>`, `village:<id>`). */
  invited: string[];
  attendance: { name: string; at: number }[];
  items: ArchiveItem[];
  /** Actions decided on no item of the agenda. */
  otherActions: ArchiveAction[];
  lockLog: { action: 'lock' | 'unlock'; reason: string; at: number; by: string }[];
}

export interface ArchiveItem {
  topic: string;
  caseId: string | null;
  minutes: string;
  decisions: string[];
  actions: ArchiveAction[];
}

export interface ArchiveAction {
  text: string;
  owner: string | null;
  deadline: string | null;
  done: { by: string; at: number } | null;
  carried: boolean;
  caseId: string | null;
}

export function archiveMinutes(meeting: MeetingFile, nameOf: (accountId: string) => string): ArchiveMinutes {
  const archived = (action: ActionItem): ArchiveAction => {
    const completion = meeting.completion(action.id);
    return {
      text: action.text,
      owner: action.owner ? nameOf(action.owner) : null,
      deadline: action.deadline,
      done: completion?.done ? { by: nameOf(completion.by), at: completion.at } : null,
      carried: action.carriedFrom !== null,
      caseId: action.caseId,
    };
  };
  const items = meeting.agendaItems;
  const itemIds = new Set(items.map((item) => item.id));
  const actions = meeting.actions;
  const convener = meeting.convener;
  return {
    final: meeting.locked !== null,
    id: meeting.id,
    kind: meeting.kind,
    stage: meeting.stage,
    title: meeting.title.toString(),
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    convener: convener ? nameOf(convener) : null,
    // the archive names a person invited by name; the bodies stay keys, named when written
    invited: meeting.invited.map((party) => {
      const person = invitedPerson(party);
      return person === null ? party : nameOf(person);
    }),
    attendance: [...meeting.attendance]
      .map(([id, entry]) => ({ name: nameOf(id), at: entry.at }))
      .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name)),
    items: items.map((item) => ({
      topic: item.topic,
      caseId: item.caseId,
      minutes: meeting.minutes(item.id).toString().trim(),
      decisions: meeting.decisions.filter((d) => d.itemId === item.id).map((d) => d.text),
      actions: actions.filter((action) => action.itemId === item.id).map(archived),
    })),
    otherActions: actions
      .filter((action) => action.itemId === null || !itemIds.has(action.itemId))
      .map(archived),
    lockLog: meeting.lockLog.map((entry) => ({ ...entry, by: nameOf(entry.by) })),
  };
}

/** `会议纪要-<date>-<id>.docx`: the archive's name for the file, Chinese as the archive is. */
export function archiveFileName(minutes: { date: string | null; id: string | null }): string {
  return `会议纪要-${minutes.date ?? 'undated'}-${minutes.id ?? 'meeting'}.docx`;
}

/** `会议公示-<date>-<id>.docx`. */
export function noticeFileName(notice: { date: string | null; meetingId: string | null }): string {
  return `会议公示-${notice.date ?? 'undated'}-${notice.meetingId ?? 'meeting'}.docx`;
}
