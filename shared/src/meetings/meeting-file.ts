import * as Y from 'yjs';
import { localEditOrigin } from '../cases/case-file.ts';
import { newCaseId } from '../cases/case-file.ts';
import {
  actionItemSchema,
  agendaItemSchema,
  attendanceSchema,
  bodyOf,
  completionSchema,
  decisionSchema,
  deliberationStages,
  lockEntrySchema,
  lockStateSchema,
  meetingKinds,
  newPartId,
  type ActionItem,
  type AgendaItem,
  type Attendance,
  type Completion,
  type Decision,
  type DeliberationStage,
  type LockEntry,
  type LockState,
  type MeetingKind,
  type NewMeetingFields,
} from './meeting-parts.ts';

/** The version of the meeting document layout this code writes (SPEC M-DOC-1). */
export const meetingSchemaVersion = 1;

// Names of the top-level shared types of a meeting document (SPEC M-DOC-1). Never rename: stored documents use them.
export const meetingKeys = {
  fields: 'meeting',
  title: 'title',
  agenda: 'agenda',
  decisions: 'decisions',
  actions: 'actions',
  completion: 'completion',
  attendance: 'attendance',
  lockLog: 'lockLog',
} as const;

/** Each agenda item's minutes are a top-level text of their own, so two people who start them at once share one. */
const minutesPrefix = 'minutes/';

export function minutesKey(itemId: string): string {
  return `${minutesPrefix}${itemId}`;
}

/** The agenda item whose minutes a top-level type holds, or null for any other type. */
export function minutesItemOf(rootName: string): string | null {
  return rootName.startsWith(minutesPrefix) ? rootName.slice(minutesPrefix.length) : null;
}

/** A new meeting id: the same alphabet and length as a case's. */
export function newMeetingId(): string {
  return newCaseId();
}

/** What a list or calendar shows of a meeting, read from its document. */
export interface MeetingSummary {
  id: string | null;
  kind: MeetingKind;
  body: string;
  title: string;
  date: string | null;
  time: string | null;
  place: string;
  village: string | null;
  convener: string | null;
  invited: string[];
  stage: DeliberationStage | null;
  locked: boolean;
  items: number;
  openActions: number;
}

export interface NewMeetingFile extends NewMeetingFields {
  id: string;
  convener: string;
  createdAt: number;
}

function parsed<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }) {
  return (value: unknown): T | null => {
    const result = schema.safeParse(value);
    return result.success ? result.data : null;
  };
}

const readAgendaItem = parsed<AgendaItem>(agendaItemSchema);
const readDecision = parsed<Decision>(decisionSchema);
const readAction = parsed<ActionItem>(actionItemSchema);
const readCompletion = parsed<Completion>(completionSchema);
const readAttendance = parsed<Attendance>(attendanceSchema);
const readLockEntry = parsed<LockEntry>(lockEntrySchema);
const readLockState = parsed<LockState>(lockStateSchema);

function readAll<T>(map: Y.Map<unknown>, read: (value: unknown) => T | null): T[] {
  const values: T[] = [];
  for (const value of map.values()) {
    const item = read(value);
    if (item !== null) values.push(item);
  }
  return values;
}

function byTime<T extends { at: number; id: string }>(a: T, b: T): number {
  return a.at - b.at || a.id.localeCompare(b.id);
}

/**
 * A joint meeting's agenda, minutes, decisions and action items (SPEC M-DOC-1), kept in a Y.Doc. Like a case
 * file it owns no state: every read goes to the document. Writes are the person's own edits (`localEditOrigin`).
 */
export class MeetingFile {
  readonly doc: Y.Doc;

  constructor(doc: Y.Doc) {
    this.doc = doc;
  }

  get fields(): Y.Map<unknown> {
    return this.doc.getMap(meetingKeys.fields);
  }

  get title(): Y.Text {
    return this.doc.getText(meetingKeys.title);
  }

  get agenda(): Y.Map<unknown> {
    return this.doc.getMap(meetingKeys.agenda);
  }

  get decisionMap(): Y.Map<unknown> {
    return this.doc.getMap(meetingKeys.decisions);
  }

  get actionMap(): Y.Map<unknown> {
    return this.doc.getMap(meetingKeys.actions);
  }

  get completionMap(): Y.Map<unknown> {
    return this.doc.getMap(meetingKeys.completion);
  }

  get attendanceMap(): Y.Map<unknown> {
    return this.doc.getMap(meetingKeys.attendance);
  }

  get lockLogArray(): Y.Array<unknown> {
    return this.doc.getArray(meetingKeys.lockLog);
  }

  /** Writes a new meeting in one transaction. */
  static create(doc: Y.Doc, fields: NewMeetingFile): MeetingFile {
    const file = new MeetingFile(doc);
    doc.transact(() => {
      const map = file.fields;
      map.set('schemaVersion', meetingSchemaVersion);
      map.set('id', fields.id);
      map.set('kind', fields.kind);
      map.set('body', bodyOf(fields.kind, fields.village));
      map.set('date', fields.date);
      map.set('time', fields.time);
      map.set('place', fields.place);
      map.set('village', fields.village);
      map.set('convener', fields.convener);
      map.set('invited', [...fields.invited]);
      map.set('createdAt', fields.createdAt);
      if (fields.kind === 'villageDeliberation') map.set('stage', deliberationStages[0]);
      file.title.insert(0, fields.title);
    }, localEditOrigin);
    return file;
  }

  get exists(): boolean {
    return typeof this.fields.get('id') === 'string';
  }

  get id(): string | null {
    const id = this.fields.get('id');
    return typeof id === 'string' ? id : null;
  }

  get kind(): MeetingKind {
    const kind = this.fields.get('kind');
    return (meetingKinds as readonly unknown[]).includes(kind) ? (kind as MeetingKind) : 'topical';
  }

  get body(): string {
    const body = this.fields.get('body');
    return typeof body === 'string' ? body : bodyOf(this.kind, this.village);
  }

  #string(key: string): string | null {
    const value = this.fields.get(key);
    return typeof value === 'string' ? value : null;
  }

  get date(): string | null {
    return this.#string('date');
  }

  get time(): string | null {
    return this.#string('time');
  }

  get place(): string {
    return this.#string('place') ?? '';
  }

  get village(): string | null {
    return this.#string('village');
  }

  get convener(): string | null {
    return this.#string('convener');
  }

  get stage(): DeliberationStage | null {
    const stage = this.fields.get('stage');
    return (deliberationStages as readonly unknown[]).includes(stage) ? (stage as DeliberationStage) : null;
  }

  /** Invited parties: town agencies by role, departments as `dept:<id>`, villages as `village:<id>`. */
  get invited(): string[] {
    const value = this.fields.get('invited');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  }

  /** Set when the convener finalized the minutes (SPEC M-LOCK-1). */
  get locked(): LockState | null {
    return readLockState(this.fields.get('locked'));
  }

  get lockLog(): LockEntry[] {
    return this.lockLogArray
      .toArray()
      .map(readLockEntry)
      .filter((entry): entry is LockEntry => entry !== null);
  }

  /** The agenda in its order. */
  get agendaItems(): AgendaItem[] {
    return readAll(this.agenda, readAgendaItem).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  }

  agendaItem(id: string): AgendaItem | null {
    return readAgendaItem(this.agenda.get(id));
  }

  /** The minutes of one agenda item, rich text written together. */
  minutes(itemId: string): Y.Text {
    return this.doc.getText(minutesKey(itemId));
  }

  get decisions(): Decision[] {
    return readAll(this.decisionMap, readDecision).sort(byTime);
  }

  get actions(): ActionItem[] {
    return readAll(this.actionMap, readAction).sort(byTime);
  }

  action(id: string): ActionItem | null {
    return readAction(this.actionMap.get(id));
  }

  completion(actionId: string): Completion | null {
    return readCompletion(this.completionMap.get(actionId));
  }

  isDone(actionId: string): boolean {
    return this.completion(actionId)?.done ?? false;
  }

  /** Account id → when they signed in. */
  get attendance(): Map<string, Attendance> {
    const signed = new Map<string, Attendance>();
    for (const [id, value] of this.attendanceMap.entries()) {
      const entry = readAttendance(value);
      if (entry) signed.set(id, entry);
    }
    return signed;
  }

  summary(): MeetingSummary {
    return {
      id: this.id,
      kind: this.kind,
      body: this.body,
      title: this.title.toString(),
      date: this.date,
      time: this.time,
      place: this.place,
      village: this.village,
      convener: this.convener,
      invited: this.invited,
      stage: this.stage,
      locked: this.locked !== null,
      items: this.agenda.size,
      openActions: this.actions.filter((action) => !this.isDone(action.id)).length,
    };
  }

  #edit(change: () => void): void {
    this.doc.transact(change, localEditOrigin);
  }

  setInvited(parties: readonly string[]): void {
    this.#edit(() => this.fields.set('invited', [...parties]));
  }

  /** The convener moves or renames the meeting; a title is written whole, as a form sends it. */
  setDetails(details: { title?: string; date?: string; time?: string | null; place?: string }): void {
    this.#edit(() => {
      if (details.title !== undefined && details.title !== this.title.toString()) {
        this.title.delete(0, this.title.length);
        this.title.insert(0, details.title);
      }
      if (details.date !== undefined) this.fields.set('date', details.date);
      if (details.time !== undefined) this.fields.set('time', details.time);
      if (details.place !== undefined) this.fields.set('place', details.place);
    });
  }

  setStage(stage: DeliberationStage): void {
    this.#edit(() => this.fields.set('stage', stage));
  }

  /** Adds an item at the end of the agenda, with its (empty) minutes. */
  addAgendaItem(
    item: Pick<AgendaItem, 'caseId' | 'topic'> & Partial<Pick<AgendaItem, 'reasons' | 'carriedFrom'>>,
    stamp: { by: string; at: number },
  ): AgendaItem {
    const last = this.agendaItems.at(-1);
    const added: AgendaItem = {
      id: newPartId(),
      caseId: item.caseId,
      topic: item.topic,
      reasons: item.reasons ?? [],
      order: (last?.order ?? 0) + 1,
      carriedFrom: item.carriedFrom ?? null,
      ...stamp,
    };
    this.#edit(() => this.agenda.set(added.id, added));
    return added;
  }

  removeAgendaItem(id: string): void {
    this.#edit(() => this.agenda.delete(id));
  }

  /** Moves an item one place up or down by swapping order numbers with its neighbour. */
  moveAgendaItem(id: string, direction: 'up' | 'down'): void {
    const items = this.agendaItems;
    const index = items.findIndex((item) => item.id === id);
    const other = items[direction === 'up' ? index - 1 : index + 1];
    const item = items[index];
    if (!item || !other) return;
    this.#edit(() => {
      const order =
        item.order === other.order ? other.order + (direction === 'up' ? -0.5 : 0.5) : other.order;
      this.agenda.set(item.id, { ...item, order });
      this.agenda.set(other.id, { ...other, order: item.order });
    });
  }

  addDecision(itemId: string, text: string, stamp: { by: string; at: number }): Decision {
    const decision: Decision = { id: newPartId(), itemId, text, ...stamp };
    this.#edit(() => this.decisionMap.set(decision.id, decision));
    return decision;
  }

  removeDecision(id: string): void {
    this.#edit(() => this.decisionMap.delete(id));
  }

  addAction(
    action: Pick<ActionItem, 'itemId' | 'caseId' | 'text' | 'owner' | 'deadline'> &
      Partial<Pick<ActionItem, 'carriedFrom'>>,
    stamp: { by: string; at: number },
  ): ActionItem {
    const added: ActionItem = { id: newPartId(), carriedFrom: null, ...action, ...stamp };
    this.#edit(() => this.actionMap.set(added.id, added));
    return added;
  }

  removeAction(id: string): void {
    this.#edit(() => this.actionMap.delete(id));
  }

  /** Marks an action item done or not (SPEC M-LINK-2): the newest word wins. */
  setDone(actionId: string, done: boolean, stamp: { by: string; at: number }): void {
    this.#edit(() => this.completionMap.set(actionId, { done, ...stamp }));
  }

  /** Signs a person in at the meeting: themselves, or anyone when the convener does it. */
  signIn(accountId: string, stamp: { by: string; at: number }): void {
    this.#edit(() => this.attendanceMap.set(accountId, { ...stamp }));
  }

  signOut(accountId: string): void {
    this.#edit(() => this.attendanceMap.delete(accountId));
  }

  /** Finalizes the minutes (SPEC M-LOCK-1). */
  lock(stamp: { by: string; at: number }): void {
    this.#edit(() => {
      this.fields.set('locked', { ...stamp });
      this.lockLogArray.push([{ action: 'lock', reason: '', ...stamp }]);
    });
  }

  /** Opens finalized minutes again; the reason is recorded (SPEC M-LOCK-3). */
  unlock(reason: string, stamp: { by: string; at: number }): void {
    this.#edit(() => {
      this.fields.delete('locked');
      this.lockLogArray.push([{ action: 'unlock', reason, ...stamp }]);
    });
  }

  /** Calls `listener` after any change to the meeting's fields and parts (not the minutes' text). */
  observe(listener: () => void): () => void {
    const handler = () => listener();
    const maps = [
      this.fields,
      this.agenda,
      this.decisionMap,
      this.actionMap,
      this.completionMap,
      this.attendanceMap,
    ];
    for (const map of maps) map.observe(handler);
    this.title.observe(handler);
    this.lockLogArray.observe(handler);
    return () => {
      for (const map of maps) map.unobserve(handler);
      this.title.unobserve(handler);
      this.lockLogArray.unobserve(handler);
    };
  }
}
