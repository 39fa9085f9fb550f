import * as Y from 'yjs';
import type { Brand } from '../brand.ts';
import {
  isDepartmentId,
  isEscalationLevel,
  type DepartmentId,
  type EscalationLevel,
} from '../org/agencies.ts';
import { findGrid, findVillage, type VillageId } from '../org/jurisdiction.ts';
import { isCaseSource, type CaseSource } from './case-source.ts';
import { isDisputeType, type DisputeType } from './dispute-type.ts';
import {
  appendChanges,
  fieldLogKey,
  newChangeId,
  partyField,
  readFieldHistory,
  type FieldChange,
  type FieldValue,
} from './field-log.ts';
import {
  inConflict,
  readRegister,
  readRegisters,
  registerConflicts,
  type RegisterField,
  type RegisterState,
} from './field-register.ts';
import {
  newPartyId,
  partiesKey,
  partyFieldNames,
  partyFieldsSchema,
  readParties,
  readParty,
  type Party,
  type PartyFields,
} from './parties.ts';
import { CaseTimeline } from './workflow/timeline.ts';

export type CaseId = Brand<string, 'CaseId'>;

/**
 * The version of the case document layout this code writes (SPEC C-DOC-3). 2: the title is a register (SPEC
 * C-REG-1), which version 1 cannot read, so it shows such a case read-only instead of writing a title nobody sees.
 */
export const caseSchemaVersion = 2;

/** Transaction origin of edits a person makes here; undo tracks only these. */
export const localEditOrigin = 'concord:local-edit';

// Names of the top-level shared types in a case document (SPEC C-DOC-1). Never rename: stored documents use them.
const fieldsKey = 'case';
/** Where titles were co-edited as text before the title became a register; still read for such cases. */
const legacyTitleKey = 'title';
const notesKey = 'notes';

export interface NewCaseFile {
  id: CaseId;
  title: string;
  village: VillageId;
  /** A grid of `village` the case lies in, when the recorder says (SPEC C-DOC-5). */
  grid?: string | null;
  disputeType: DisputeType;
  /** How the case came to light (SPEC C-DOC-6). */
  source?: CaseSource | null;
  createdAt: number;
  /** Account id of who records it, for the field history (SPEC C-HIST-1). */
  by?: string;
  /** The first party, as the recorder met them at the door (SPEC W-NEWCASE-1). */
  firstParty?: PartyFields | null;
  /** What happened, in the recorder's words: the notes' first text. */
  whatHappened?: string;
}

export interface CaseFileOptions {
  /** The clock the field history is stamped with; the device's own by default. */
  now?: () => number;
  /** Ids for new parties and history entries; random by default. A generator of demo data passes its own. */
  newId?: () => string;
}

export interface CaseSummary {
  id: CaseId | null;
  title: string;
  village: VillageId | null;
  /** The grid within the village, when someone has said which; a grid of another village reads as none. */
  grid: string | null;
  disputeType: DisputeType | null;
  /** How the case came to light (SPEC C-DOC-6); null for a case recorded before it was asked, or unreadable. */
  source: CaseSource | null;
  createdAt: number | null;
  /** How far up the case has gone; a case starts in its village. */
  level: EscalationLevel;
  /** Accounts of the case leaders given the case. */
  leaders: string[];
  /** Departments the case is dispatched to. */
  departments: DepartmentId[];
  /** Written by a newer version of Concord than this one: show it, but do not edit it (SPEC C-DOC-3). */
  newerSchema: boolean;
}

const idAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random case id: 16 characters from a 32-letter alphabet, 80 bits, safe in a URL and a document name. */
export function newCaseId(): CaseId {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += idAlphabet.charAt(byte % idAlphabet.length);
  return id as CaseId;
}

/**
 * Typed access to a case file kept in a Y.Doc. It owns no state of its own: every read goes to the document,
 * so two views of one document never disagree.
 */
export class CaseFile {
  readonly doc: Y.Doc;
  readonly #now: () => number;
  readonly #newId: (() => string) | null;

  constructor(doc: Y.Doc, options: CaseFileOptions = {}) {
    this.doc = doc;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? null;
  }

  private get fields(): Y.Map<unknown> {
    return this.doc.getMap(fieldsKey);
  }

  /**
   * The title: the register's value (SPEC C-REG-1), or for a case whose title was never written as one, the text
   * it was co-edited in before (SPEC C-DOC-1). The one reader of a case's title.
   */
  get title(): string {
    return this.#title(readRegister(this.doc, 'title'));
  }

  #title(register: RegisterState): string {
    const current = register.current;
    if (current !== null) return typeof current.value === 'string' ? current.value : '';
    return this.doc.getText(legacyTitleKey).toString();
  }

  /** Free notes on what happened, co-edited as text. */
  get notes(): Y.Text {
    return this.doc.getText(notesKey);
  }

  /** True once someone has created the case in this document (SPEC C-DOC-2). */
  get exists(): boolean {
    return typeof this.fields.get('id') === 'string';
  }

  /**
   * Writes a new case in one transaction. Only the person creating the case calls this, on a document that is
   * still empty: defaults written on two replicas would both survive the merge (SPEC C-DOC-2).
   */
  create(init: NewCaseFile): void {
    if (this.exists) throw new Error(`case ${init.id} already exists in this document`);
    const grid = init.grid ?? null;
    const source = init.source ?? null;
    if (grid !== null && !findGrid(init.village, grid)) {
      throw new Error(`no grid ${grid} in village ${init.village}`);
    }
    if (source !== null && !isCaseSource(source)) throw new Error(`no case source ${String(source)}`);
    const firstParty = init.firstParty ? partyFieldsSchema.parse(init.firstParty) : null;
    const whatHappened = init.whatHappened?.trim() ?? '';
    // one transaction: the case, its first party and what happened arrive together or not at all (SPEC C-DOC-2)
    this.doc.transact(() => {
      this.fields.set('schemaVersion', caseSchemaVersion);
      this.fields.set('id', init.id);
      this.fields.set('village', init.village);
      this.fields.set('disputeType', init.disputeType);
      this.fields.set('createdAt', init.createdAt);
      this.fields.set('title', init.title);
      if (grid !== null) this.fields.set('grid', grid);
      if (source !== null) this.fields.set('source', source);
      // the first values open the history, so a later change reads as a change from something
      appendChanges(this.doc, [
        this.#change('title', init.title, init.by, []),
        this.#change('village', init.village, init.by, []),
        ...(grid === null ? [] : [this.#change('grid', grid, init.by, [])]),
        this.#change('disputeType', init.disputeType, init.by, []),
        ...(source === null ? [] : [this.#change('source', source, init.by, [])]),
      ]);
      if (firstParty) this.addParty(firstParty, init.by);
      if (whatHappened !== '') this.notes.insert(0, whatHappened);
    }, localEditOrigin);
  }

  /**
   * Rewrites the title whole, as a register (SPEC C-REG-1); `by` is kept in its history. `basis`: the ids of the
   * heads standing when the person began typing ({@link RegisterState.heads}), so that a title which arrived while
   * they typed, and which they never saw, is flagged beside theirs instead of replaced (SPEC C-REG-2); the heads
   * standing now when not given.
   */
  setTitle(next: string, by?: string, basis?: readonly string[]): void {
    this.#setScalar('title', next, by, basis);
  }

  setLevel(level: EscalationLevel): void {
    this.doc.transact(() => this.fields.set('level', level), localEditOrigin);
  }

  /** Replaces the list whole: a list of people given a case is decided at once, not merged item by item. */
  setLeaders(leaders: readonly string[]): void {
    this.doc.transact(() => this.fields.set('leaders', [...leaders]), localEditOrigin);
  }

  setDepartments(departments: readonly DepartmentId[]): void {
    this.doc.transact(() => this.fields.set('departments', [...departments]), localEditOrigin);
  }

  /** `by`: the account setting it, kept in the field history (SPEC C-HIST-1). */
  setVillage(village: VillageId, by?: string): void {
    this.#setScalar('village', village, by);
  }

  setDisputeType(type: DisputeType, by?: string): void {
    this.#setScalar('disputeType', type, by);
  }

  /** How the case came to light (SPEC C-DOC-6), a register like the type. */
  setSource(source: CaseSource, by?: string): void {
    if (!isCaseSource(source)) throw new Error(`no case source ${String(source)}`);
    this.#setScalar('source', source, by);
  }

  /** The grid within the case's village (SPEC C-DOC-5); refused for a grid that village does not have. */
  setGrid(grid: string, by?: string): void {
    const village = this.summary().village;
    if (!village || !findGrid(village, grid))
      throw new Error(`no grid ${grid} in village ${String(village)}`);
    this.#setScalar('grid', grid, by);
  }

  /**
   * Every value set on a scalar field, oldest first, with who set it and when (SPEC C-HIST-1): `village`,
   * `disputeType`, or a party's field as {@link partyField} names it. After a merge the field holds the value Yjs
   * chose; the others are still here.
   */
  fieldHistory(field: string): FieldChange[] {
    return readFieldHistory(this.doc, field);
  }

  /** What a register field's writes come to: the value shown, and the others written at once (SPEC C-REG-2). */
  register(field: RegisterField): RegisterState {
    return readRegister(this.doc, field);
  }

  /** The register fields in conflict, for the case page and the ledger's "needs review" (SPEC C-REG-2). */
  get conflicts(): RegisterField[] {
    return registerConflicts(this.doc);
  }

  /**
   * Keeps one of the values in conflict (SPEC C-REG-3): writes it again as having seen every value standing, so
   * one value is left everywhere once this write arrives. `changeId` names the write whose value is kept.
   */
  resolve(field: RegisterField, changeId: string, by?: string): void {
    const state = this.register(field);
    const kept = state.heads.find((head) => head.id === changeId);
    if (!kept) throw new Error(`no standing value ${changeId} of ${field} in this case`);
    if (!inConflict(state)) return;
    this.doc.transact(() => {
      this.fields.set(field, kept.value);
      appendChanges(this.doc, [this.#change(field, kept.value, by, idsOf(state.heads))]);
    }, localEditOrigin);
  }

  /** The parties, in the order they were added (merged order for parties added on several devices). */
  get parties(): Party[] {
    return readParties(this.doc);
  }

  /** Adds a party with a random id, in one transaction, and returns the id (SPEC C-PARTY-1). */
  addParty(fields: PartyFields, by?: string): string {
    const checked = partyFieldsSchema.parse(fields);
    const id = this.#newId?.() ?? newPartyId();
    this.doc.transact(() => {
      const map = new Y.Map<unknown>();
      map.set('id', id);
      for (const key of partyFieldNames) map.set(key, checked[key]);
      this.#parties.push([map]);
      appendChanges(
        this.doc,
        partyFieldNames.map((key) => this.#change(partyField(id, key), checked[key], by)),
      );
    }, localEditOrigin);
    return id;
  }

  /**
   * Sets some fields of a party, each a scalar of its own map, so two people changing different fields both
   * keep theirs. Unchanged values are not written. Throws when no party has the id (removed meanwhile).
   */
  updateParty(id: string, changes: Partial<PartyFields>, by?: string): void {
    const checked = partyFieldsSchema.partial().parse(changes);
    const map = this.#partyMap(id);
    if (!map) throw new Error(`no party ${id} in this case`);
    this.doc.transact(() => {
      const logged: FieldChange[] = [];
      for (const key of partyFieldNames) {
        const value = checked[key];
        if (value === undefined || map.get(key) === value) continue;
        map.set(key, value);
        logged.push(this.#change(partyField(id, key), value, by));
      }
      appendChanges(this.doc, logged);
    }, localEditOrigin);
  }

  /** Removes a party; its past values stay in the field history. Removing one already gone does nothing. */
  removeParty(id: string): void {
    this.doc.transact(() => {
      const index = this.#parties.toArray().findIndex((value) => readParty(value)?.id === id);
      if (index >= 0) this.#parties.delete(index, 1);
    }, localEditOrigin);
  }

  get #parties(): Y.Array<unknown> {
    return this.doc.getArray<unknown>(partiesKey);
  }

  #partyMap(id: string): Y.Map<unknown> | null {
    for (const value of this.#parties.toArray()) {
      if (value instanceof Y.Map && readParty(value)?.id === id) return value as Y.Map<unknown>;
    }
    return null;
  }

  /**
   * Writes a register field: the case map's key and one log entry that has seen every value standing, in one
   * transaction (SPEC C-REG-1). Setting the value shown, with nothing in conflict, does nothing; with a conflict it
   * keeps that value (SPEC C-REG-3).
   */
  #setScalar(field: RegisterField, value: string, by: string | undefined, basis?: readonly string[]): void {
    const state = this.register(field);
    const shown = state.current === null ? this.fields.get(field) : state.current.value;
    if (shown === value && !inConflict(state)) return;
    this.doc.transact(() => {
      this.fields.set(field, value);
      // a case of the layout before the title was a register is one from now on (SPEC C-DOC-3)
      if (field === 'title' && this.#version() < caseSchemaVersion) {
        this.fields.set('schemaVersion', caseSchemaVersion);
      }
      appendChanges(this.doc, [this.#change(field, value, by, basis ?? idsOf(state.heads))]);
    }, localEditOrigin);
  }

  #version(): number {
    const version = this.fields.get('schemaVersion');
    return typeof version === 'number' ? version : 0;
  }

  /**
   * A log entry. `seen`: for a register field, the values standing when it was written (none when the case is
   * created); a party's field, not a register, leaves it out and replaces every earlier value by time.
   */
  #change(field: string, value: FieldValue, by: string | undefined, seen?: readonly string[]): FieldChange {
    const change: FieldChange = {
      id: this.#newId?.() ?? newChangeId(),
      field,
      value,
      at: Math.max(0, Math.round(this.#now())),
      by: by ?? null,
    };
    if (seen !== undefined) change.seen = [...seen];
    return change;
  }

  /** A register field's value: the register's, or the case map's for a case that never logged the field. */
  #registerValue(field: RegisterField, register: RegisterState): unknown {
    return register.current === null ? this.fields.get(field) : register.current.value;
  }

  /** Calls `listener` after every change to any part of the case; returns the function that stops it. */
  observe(listener: () => void): () => void {
    // once a transaction, however many of the parts it changed
    let last: Y.Transaction | null = null;
    const handler = (_event: unknown, transaction: Y.Transaction) => {
      if (transaction === last) return;
      last = transaction;
      listener();
    };
    const legacyTitle = this.doc.getText(legacyTitleKey);
    // the log too: a value written at once with another may leave the map as it was and still be a conflict
    const log = this.doc.getArray<unknown>(fieldLogKey);
    this.fields.observe(handler);
    legacyTitle.observe(handler);
    log.observe(handler);
    this.notes.observe(handler);
    // deep: a party's own map changes without the array changing
    this.#parties.observeDeep(handler);
    return () => {
      this.fields.unobserve(handler);
      legacyTitle.unobserve(handler);
      log.unobserve(handler);
      this.notes.unobserve(handler);
      this.#parties.unobserveDeep(handler);
    };
  }

  /** What a list row shows. Values this version cannot read come back as null, never as a guess. */
  /**
   * Level, case leaders and departments: what the timeline's steps made them (SPEC C-FLOW-1), or for a case with
   * no steps recorded yet, what was set on it directly.
   */
  #placement(): Pick<CaseSummary, 'level' | 'leaders' | 'departments'> {
    const timeline = new CaseTimeline(this.doc);
    if (timeline.events.length > 0) {
      const { state } = timeline.derive();
      return {
        level: state.level,
        leaders: state.leaders,
        departments: state.departments.filter(isDepartmentId),
      };
    }
    const fields = this.fields;
    const level = fields.get('level');
    return {
      level: isEscalationLevel(level) ? level : 'village',
      leaders: stringList(fields.get('leaders')),
      departments: stringList(fields.get('departments')).filter(isDepartmentId),
    };
  }

  summary(): CaseSummary {
    const fields = this.fields;
    const id = fields.get('id');
    const registers = readRegisters(this.doc);
    const village = this.#registerValue('village', registers.village);
    const type = this.#registerValue('disputeType', registers.disputeType);
    const source = this.#registerValue('source', registers.source);
    const createdAt = fields.get('createdAt');
    const version = fields.get('schemaVersion');
    return {
      id: typeof id === 'string' ? (id as CaseId) : null,
      title: this.#title(registers.title),
      village: typeof village === 'string' && findVillage(village) ? (village as VillageId) : null,
      grid: readGrid(village, this.#registerValue('grid', registers.grid)),
      disputeType: isDisputeType(type) ? type : null,
      source: isCaseSource(source) ? source : null,
      createdAt: typeof createdAt === 'number' ? createdAt : null,
      ...this.#placement(),
      newerSchema: typeof version === 'number' && version > caseSchemaVersion,
    };
  }
}

function idsOf(changes: readonly FieldChange[]): string[] {
  return changes.map((change) => change.id);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function readGrid(village: unknown, grid: unknown): string | null {
  if (typeof village !== 'string' || typeof grid !== 'string') return null;
  return findGrid(village, grid) ? grid : null;
}
