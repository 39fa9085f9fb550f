import type { WorkflowEvent } from '@concord/shared/cases/workflow/events.ts';
import type { CaseMeetingEntry } from '@concord/shared/meetings/case-links.ts';

/** The day `ms` falls on where the device is, `YYYY-MM-DD`, as a meeting writes its deadlines. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An action is overdue once its deadline day has passed and it is not done (SPEC W-CASEMEET-1, W-CASEMEET-2). */
export function isOverdue(deadline: string | null, now: number): boolean {
  return deadline !== null && deadline < localDay(now);
}

export function entryOverdue(entry: CaseMeetingEntry, now: number): boolean {
  return (
    entry.kind === 'action' &&
    !entry.carried &&
    !(entry.completion?.done ?? false) &&
    isOverdue(entry.deadline, now)
  );
}

/** One line of the case's timeline: a workflow step, or a meeting's decision or action shown beside them. */
export type TimelineLine =
  { kind: 'step'; event: WorkflowEvent } | { kind: 'meeting'; entry: CaseMeetingEntry };

/**
 * The steps in their fold order with the meetings' decisions and actions put in at their time (SPEC W-CASEMEET-1):
 * each before the first step recorded after it. Only for display: they are no steps and change no state.
 */
export function withMeetingEntries(
  events: readonly WorkflowEvent[],
  entries: readonly CaseMeetingEntry[],
): TimelineLine[] {
  const pending = [...entries].sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  const lines: TimelineLine[] = [];
  let next = 0;
  for (const event of events) {
    while (next < pending.length && (pending[next]?.at ?? Infinity) < event.at) {
      const entry = pending[next++];
      if (entry) lines.push({ kind: 'meeting', entry });
    }
    lines.push({ kind: 'step', event });
  }
  for (const entry of pending.slice(next)) lines.push({ kind: 'meeting', entry });
  return lines;
}

/** The entries of one meeting, as the case page groups them under it. */
export interface MeetingGroup {
  meetingId: string;
  title: string;
  date: string | null;
  entries: CaseMeetingEntry[];
}

/** Entries grouped by meeting, the meetings in the order of their first entry, each one's entries in order. */
export function groupByMeeting(entries: readonly CaseMeetingEntry[]): MeetingGroup[] {
  const groups: MeetingGroup[] = [];
  for (const entry of entries) {
    let group = groups.find((one) => one.meetingId === entry.meetingId);
    if (!group) {
      group = { meetingId: entry.meetingId, title: entry.meetingTitle, date: entry.meetingDate, entries: [] };
      groups.push(group);
    }
    group.entries.push(entry);
  }
  return groups;
}
