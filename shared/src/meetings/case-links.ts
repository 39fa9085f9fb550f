import type * as Y from 'yjs';
import { z } from 'zod';
import { localEditOrigin } from '../cases/case-file.ts';
import type { MeetingFile } from './meeting-file.ts';
import { completionSchema, type Completion } from './meeting-parts.ts';

/**
 * The two-way link between a meeting and the cases it decided on (SPEC M-LINK-1, M-LINK-2). A case document keeps
 * a copy of each decision and action item on it (`meetingLinks`, written by the server only), and whether each
 * action is done (`meetingDone`, written by whoever completes it on the case). The server carries completion
 * across: the newest word, on either side, wins on both.
 */

// Names of the case document's top-level maps for its meetings. Never rename: stored documents use them.
export const meetingLinksKey = 'meetingLinks';
export const meetingDoneKey = 'meetingDone';

export const meetingLinkSchema = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingKind: z.string(),
  /** `YYYY-MM-DD` of the meeting. */
  meetingDate: z.string().nullable(),
  kind: z.enum(['decision', 'action']),
  /** The decision's or action's id in the meeting. */
  partId: z.string(),
  text: z.string(),
  owner: z.string().nullable(),
  deadline: z.string().nullable(),
  /** When it was decided. */
  at: z.number(),
  carriedFrom: z.object({ meetingId: z.string(), actionId: z.string() }).nullable(),
});
export type MeetingLink = z.infer<typeof meetingLinkSchema>;

/** The key of one decision or action in a case's maps. */
export function linkKey(meetingId: string, partId: string): string {
  return `${meetingId}/${partId}`;
}

/** Every decision and action of a meeting that is about a case, by case id, keyed as the case keeps them. */
export function linksOfMeeting(meeting: MeetingFile): Map<string, Map<string, MeetingLink>> {
  const byCase = new Map<string, Map<string, MeetingLink>>();
  const meetingId = meeting.id;
  if (meetingId === null) return byCase;
  const base = {
    meetingId,
    meetingTitle: meeting.title.toString(),
    meetingKind: meeting.kind,
    meetingDate: meeting.date,
  };
  const add = (caseId: string, link: MeetingLink) => {
    let links = byCase.get(caseId);
    if (!links) byCase.set(caseId, (links = new Map<string, MeetingLink>()));
    links.set(linkKey(meetingId, link.partId), link);
  };
  const items = new Map(meeting.agendaItems.map((item) => [item.id, item]));
  for (const decision of meeting.decisions) {
    const caseId = items.get(decision.itemId)?.caseId;
    if (!caseId) continue;
    add(caseId, {
      ...base,
      kind: 'decision',
      partId: decision.id,
      text: decision.text,
      owner: null,
      deadline: null,
      at: decision.at,
      carriedFrom: null,
    });
  }
  for (const action of meeting.actions) {
    const caseId = action.caseId ?? (action.itemId ? items.get(action.itemId)?.caseId : null);
    if (!caseId) continue;
    add(caseId, {
      ...base,
      kind: 'action',
      partId: action.id,
      text: action.text,
      owner: action.owner,
      deadline: action.deadline,
      at: action.at,
      carriedFrom: action.carriedFrom,
    });
  }
  return byCase;
}

function sameLink(a: unknown, b: MeetingLink): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Makes a case's copy of one meeting's links what the meeting says now: new and changed links set, those the
 * meeting no longer has taken away. Writes nothing when nothing differs; returns whether it wrote. The caller
 * runs it in a transaction of its own origin.
 */
export function writeLinksIntoCase(
  caseDoc: Y.Doc,
  meetingId: string,
  links: ReadonlyMap<string, MeetingLink>,
): boolean {
  const map = caseDoc.getMap<unknown>(meetingLinksKey);
  let wrote = false;
  for (const [key, link] of links) {
    if (sameLink(map.get(key), link)) continue;
    map.set(key, link);
    wrote = true;
  }
  for (const key of [...map.keys()]) {
    if (key.startsWith(`${meetingId}/`) && !links.has(key)) {
      map.delete(key);
      wrote = true;
    }
  }
  return wrote;
}

/** A decision or action of a meeting as the case shows it. */
export interface CaseMeetingEntry extends MeetingLink {
  key: string;
  /** For an action: done, and who said so when. */
  completion: Completion | null;
  /** Carried forward to a later meeting, which now holds it. */
  carried: boolean;
}

export function readCompletion(value: unknown): Completion | null {
  const result = completionSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** The meetings' decisions and actions on a case, oldest first. */
export function caseMeetingEntries(caseDoc: Y.Doc): CaseMeetingEntry[] {
  const links = caseDoc.getMap<unknown>(meetingLinksKey);
  const done = caseDoc.getMap<unknown>(meetingDoneKey);
  const entries: CaseMeetingEntry[] = [];
  const carriedKeys = new Set<string>();
  for (const [key, value] of links.entries()) {
    const parsed = meetingLinkSchema.safeParse(value);
    if (!parsed.success) continue;
    const link = parsed.data;
    if (link.carriedFrom) carriedKeys.add(linkKey(link.carriedFrom.meetingId, link.carriedFrom.actionId));
    entries.push({ ...link, key, completion: readCompletion(done.get(key)), carried: false });
  }
  for (const entry of entries) entry.carried = carriedKeys.has(entry.key);
  return entries.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

/** Action items on a case still to be done (carried ones count once, where they are now). */
export function openCaseActions(caseDoc: Y.Doc): CaseMeetingEntry[] {
  return caseMeetingEntries(caseDoc).filter(
    (entry) => entry.kind === 'action' && !entry.carried && !(entry.completion?.done ?? false),
  );
}

/** Completes (or reopens) a meeting's action item from the case (SPEC M-LINK-2). */
export function setDoneOnCase(
  caseDoc: Y.Doc,
  key: string,
  done: boolean,
  stamp: { by: string; at: number },
): void {
  caseDoc.transact(
    () => caseDoc.getMap<unknown>(meetingDoneKey).set(key, { done, ...stamp }),
    localEditOrigin,
  );
}

/** The newer of two words on whether an action is done; ties go to the later author id, the same everywhere. */
export function newerCompletion(a: Completion | null, b: Completion | null): Completion | null {
  if (!a) return b;
  if (!b) return a;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return a.by >= b.by ? a : b;
}
