import { localEditOrigin } from '../cases/case-file.ts';
import type { MeetingFile } from './meeting-file.ts';
import type { ActionItem, AgendaItem } from './meeting-parts.ts';

/**
 * Unfinished action items carry forward to the next meeting of the same body, marked as carried (SPEC M-CARRY-1).
 * The new meeting gets an action of its own for each, pointing back at the one it carries, and an agenda item
 * "carried forward" for each case they are about.
 */

/** What the carrying needs to know of a meeting: which body holds it, and when. */
export interface MeetingWhen {
  id: string | null;
  body: string;
  date: string | null;
  time: string | null;
}

function when(meeting: MeetingWhen): string {
  return `${meeting.date ?? ''}T${meeting.time ?? '99:99'}`;
}

/**
 * The latest meeting of `next`'s body held before it (by date, then time; a meeting without a time counts as
 * late that day), or null when there is none. The meeting itself is never its own predecessor.
 */
export function latestEarlierMeeting<M extends MeetingWhen>(
  meetings: readonly M[],
  next: MeetingWhen,
): M | null {
  let latest: M | null = null;
  for (const meeting of meetings) {
    if (meeting.body !== next.body || meeting.date === null) continue;
    if (next.id !== null && meeting.id === next.id) continue;
    if (when(meeting) >= when(next)) continue;
    if (latest === null || when(meeting) > when(latest)) latest = meeting;
  }
  return latest;
}

export interface CarriedAction {
  text: string;
  owner: string | null;
  deadline: string | null;
  caseId: string | null;
  carriedFrom: { meetingId: string; actionId: string };
}

export interface CarriedItem {
  caseId: string;
  /** The case as the earlier meeting's agenda named it, else the first carried action's text. */
  topic: string;
  carriedFrom: { meetingId: string; actionId: string };
}

export interface CarryPlan {
  actions: CarriedAction[];
  items: CarriedItem[];
}

/** What the earlier meeting hands on: its actions not done, and one agenda item per case they are about. */
export function carryPlan(earlier: {
  id: string;
  actions: readonly ActionItem[];
  agendaItems: readonly AgendaItem[];
  isDone: (actionId: string) => boolean;
}): CarryPlan {
  const itemsById = new Map(earlier.agendaItems.map((item) => [item.id, item]));
  const actions: CarriedAction[] = [];
  const items = new Map<string, CarriedItem>();
  for (const action of earlier.actions) {
    if (earlier.isDone(action.id)) continue;
    const item = action.itemId ? itemsById.get(action.itemId) : undefined;
    const caseId = action.caseId ?? item?.caseId ?? null;
    const carriedFrom = { meetingId: earlier.id, actionId: action.id };
    actions.push({ text: action.text, owner: action.owner, deadline: action.deadline, caseId, carriedFrom });
    if (caseId !== null && !items.has(caseId)) {
      const topic =
        earlier.agendaItems.find((agendaItem) => agendaItem.caseId === caseId)?.topic ?? action.text;
      items.set(caseId, { caseId, topic, carriedFrom });
    }
  }
  return { actions, items: [...items.values()] };
}

/** The plan of an earlier meeting read from its document; null when it is not (yet) a meeting. */
export function carryPlanOf(earlier: MeetingFile): CarryPlan | null {
  const id = earlier.id;
  if (id === null) return null;
  return carryPlan({
    id,
    actions: earlier.actions,
    agendaItems: earlier.agendaItems,
    isDone: (actionId) => earlier.isDone(actionId),
  });
}

/** Writes the carried items and actions into the new meeting, in one transaction. */
export function applyCarry(meeting: MeetingFile, plan: CarryPlan, stamp: { by: string; at: number }): void {
  meeting.doc.transact(() => {
    const itemOfCase = new Map<string, string>();
    for (const item of plan.items) {
      const added = meeting.addAgendaItem(
        { caseId: item.caseId, topic: item.topic, carriedFrom: item.carriedFrom },
        stamp,
      );
      itemOfCase.set(item.caseId, added.id);
    }
    for (const action of plan.actions) {
      const itemId = action.caseId === null ? null : (itemOfCase.get(action.caseId) ?? null);
      meeting.addAction({ ...action, itemId }, stamp);
    }
  }, localEditOrigin);
}
