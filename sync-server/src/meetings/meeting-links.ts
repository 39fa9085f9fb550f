import { setTimeout as delay } from 'node:timers/promises';
import type * as Y from 'yjs';
import { CaseFile } from '@concord/shared/cases/case-file.ts';
import {
  linksOfMeeting,
  meetingDoneKey,
  newerCompletion,
  readCompletion,
  writeLinksIntoCase,
  type MeetingLink,
} from '@concord/shared/meetings/case-links.ts';
import { MeetingFile, meetingKeys } from '@concord/shared/meetings/meeting-file.ts';
import type { Completion } from '@concord/shared/meetings/meeting-parts.ts';
import { docName, parseDocName, type DocName } from '@concord/shared/sync/doc-name.ts';
import { errorFields, type Logger } from '../logger.ts';
import { GuardWrite } from '../sync/guarded-apply.ts';
import type { Room, RoomMember, UnsavedBatch } from '../sync/room.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';

/**
 * The origin of what the bridge writes: a server change, saved and relayed like any edit, that the bridge itself
 * never reacts to, so a write carried one way does not bounce back.
 */
export class LinkWrite {
  readonly reason = 'meeting links';
}

/** How long changes to a meeting gather before they are carried into its cases. */
const defaultSettleMs = 150;

/** Parts of a meeting a case's copy is made of: a client's change to any of them is carried into the cases. */
const linkedMeetingFields = [
  `${meetingKeys.fields}.`,
  `${meetingKeys.agenda}.`,
  `${meetingKeys.decisions}.`,
  `${meetingKeys.actions}.`,
  `${meetingKeys.completion}.`,
];

/**
 * Carries what meetings decide into the cases they decide on, and whether their action items are done both ways
 * (SPEC M-LINK-1, M-LINK-2). It reacts to what this instance's clients sent, once it is on disk: a meeting's
 * links are written into each case they name (and taken from the cases they no longer name), and a completion
 * said on either side is written on the other when it is newer. Its own writes have an origin it ignores, and a
 * write that changes nothing writes nothing, so nothing bounces. A failure is logged; the client's change, already
 * saved, stays.
 */
export class MeetingLinkBridge {
  readonly #rooms: RoomRegistry;
  readonly #logger: Logger;
  /** The cases each loaded meeting's links were last carried into, to take links from cases no longer named. */
  readonly #linkedCases = new WeakMap<Room, Set<string>>();
  /** The carrying under way, for tests and shutdown. */
  #pending = new Set<Promise<void>>();
  /** Per meeting, the cases waiting to be carried into by the next run. */
  readonly #waiting = new Map<DocName, Set<string>>();
  /** Meetings with a run under way: one meeting's runs never overlap. */
  readonly #running = new Set<DocName>();
  /** Waits before a run, so a burst of changes (a title typed) is carried once, not once a keystroke. */
  readonly #settle: () => Promise<void>;

  constructor(options: { rooms: RoomRegistry; logger: Logger; settle?: () => Promise<void> }) {
    this.#rooms = options.rooms;
    this.#logger = options.logger;
    this.#settle = options.settle ?? (() => delay(defaultSettleMs));
  }

  /** A document was loaded: a meeting's cases as it stood on disk. */
  loaded(room: Room): void {
    if (room.kind === 'meeting') this.#linkedCases.set(room, casesOf(room.doc));
  }

  /** A batch is on disk: carry what this instance's clients changed. */
  saved(room: Room, batch: UnsavedBatch): void {
    const fields = batch.updates.filter((u) => fromPerson(u.origin)).flatMap((u) => u.fields);
    if (fields.length === 0) return;
    if (room.kind === 'meeting') {
      if (!fields.some((f) => f === meetingKeys.title || linkedMeetingFields.some((p) => f.startsWith(p)))) {
        return;
      }
      const now = casesOf(room.doc);
      const cases = new Set([...(this.#linkedCases.get(room) ?? []), ...now]);
      this.#linkedCases.set(room, now);
      this.#schedule(room.name, cases);
      return;
    }
    const caseId = idOf(room.name);
    const meetings = new Set<string>();
    for (const field of fields) {
      if (!field.startsWith(`${meetingDoneKey}.`)) continue;
      const key = field.slice(meetingDoneKey.length + 1);
      const meetingId = key.slice(0, key.indexOf('/'));
      if (meetingId !== '') meetings.add(meetingId);
    }
    for (const meetingId of meetings) {
      const name = parseDocName(`meeting:${meetingId}`);
      if (!name.ok) {
        this.#logger.warn('a case names a meeting that cannot be', { doc: room.name, meeting: meetingId });
        continue;
      }
      this.#schedule(name.name, [caseId]);
    }
  }

  /** Resolves once everything started so far is carried (or has failed and been logged). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  #schedule(meetingName: DocName, caseIds: Iterable<string>): void {
    const waiting = this.#waiting.get(meetingName);
    if (waiting) {
      for (const id of caseIds) waiting.add(id);
      return;
    }
    this.#waiting.set(meetingName, new Set(caseIds));
    if (!this.#running.has(meetingName)) this.#track(this.#run(meetingName));
  }

  /** Carries the meeting's waiting cases, after letting a burst gather, until none wait. */
  async #run(meetingName: DocName): Promise<void> {
    this.#running.add(meetingName);
    try {
      while (this.#waiting.has(meetingName)) {
        await this.#settle();
        const cases = this.#waiting.get(meetingName) ?? new Set<string>();
        this.#waiting.delete(meetingName);
        try {
          await this.#carry(meetingName, [...cases]);
        } catch (error) {
          this.#logger.error('meeting links not carried', { ...errorFields(error), meeting: meetingName });
        }
      }
    } finally {
      this.#running.delete(meetingName);
    }
  }

  #track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => {
      this.#logger.error('meeting links not carried', errorFields(error));
    });
    this.#pending.add(tracked);
    void tracked.finally(() => this.#pending.delete(tracked));
  }

  /** Makes each case's copy of the meeting what the meeting says, and each completion the newer word on both. */
  async #carry(meetingName: DocName, caseIds: readonly string[]): Promise<void> {
    const member = bridgeMember();
    const meetingRoom = await this.#rooms.join(meetingName, 'meeting', member);
    try {
      const meeting = new MeetingFile(meetingRoom.doc);
      const meetingId = meeting.id;
      if (meetingId === null) {
        this.#logger.warn('a case names a meeting that does not exist', { meeting: meetingName });
        return;
      }
      const links = linksOfMeeting(meeting);
      for (const caseId of caseIds) {
        try {
          await this.#intoCase(meetingRoom.doc, meetingId, caseId, links.get(caseId) ?? new Map());
        } catch (error) {
          this.#logger.error('meeting links not written into a case', {
            ...errorFields(error),
            meeting: meetingName,
            case: caseId,
          });
        }
      }
    } finally {
      await this.#rooms.leave(meetingRoom, member);
    }
  }

  async #intoCase(
    meetingDoc: Y.Doc,
    meetingId: string,
    caseId: string,
    links: ReadonlyMap<string, MeetingLink>,
  ): Promise<void> {
    const name = docName('case', caseId);
    const member = bridgeMember();
    const caseRoom = await this.#rooms.join(name, 'case', member);
    try {
      if (!new CaseFile(caseRoom.doc).exists) {
        // never write a case into being: a link to a case that is not stored waits until it is
        if (links.size > 0) this.#logger.warn('a meeting names a case that does not exist', { case: name });
        return;
      }
      const origin = new LinkWrite();
      const caseDone = caseRoom.doc.getMap<unknown>(meetingDoneKey);
      const meetingDone = meetingDoc.getMap<unknown>(meetingKeys.completion);
      const toMeeting = new Map<string, Completion>();
      caseRoom.doc.transact(() => {
        writeLinksIntoCase(caseRoom.doc, meetingId, links);
        for (const [key, link] of links) {
          if (link.kind !== 'action') continue;
          const onCase = readCompletion(caseDone.get(key));
          const inMeeting = readCompletion(meetingDone.get(link.partId));
          const newer = newerCompletion(onCase, inMeeting);
          if (newer === null) continue;
          if (!same(newer, onCase)) caseDone.set(key, newer);
          if (!same(newer, inMeeting)) toMeeting.set(link.partId, newer);
        }
      }, origin);
      if (toMeeting.size > 0) {
        meetingDoc.transact(() => {
          for (const [actionId, completion] of toMeeting) meetingDone.set(actionId, completion);
        }, origin);
      }
      await caseRoom.whenSaved();
    } finally {
      await this.#rooms.leave(caseRoom, member);
    }
  }
}

/** An update a person sent (through a socket, or a restore in their name), not one the server wrote itself. */
function fromPerson(origin: unknown): boolean {
  return !(origin instanceof GuardWrite) && !(origin instanceof LinkWrite);
}

function casesOf(doc: Y.Doc): Set<string> {
  return new Set(linksOfMeeting(new MeetingFile(doc)).keys());
}

function idOf(name: DocName): string {
  return name.slice(name.indexOf(':') + 1);
}

function same(a: Completion | null, b: Completion | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A member of a room that is no socket: it holds the room loaded while the bridge writes in it. */
function bridgeMember(): RoomMember {
  return { send: () => undefined, release: () => undefined };
}
