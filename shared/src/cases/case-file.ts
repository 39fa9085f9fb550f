import * as Y from 'yjs';
import type { Brand } from '../brand.ts';
import {
  isDepartmentId,
  isEscalationLevel,
  type DepartmentId,
  type EscalationLevel,
} from '../org/agencies.ts';
import { findGrid, findVillage, type VillageId } from '../org/jurisdiction.ts';
import { isDisputeType, type DisputeType } from './dispute-type.ts';
import {
  appendChanges,
  newChangeId,
  partyField,
  readFieldHistory,
  type FieldChange,
  type FieldValue,
} from './field-log.ts';
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
import { applyRangedEdit } from '../text/ranged-edit.ts';
import { CaseTimeline } from './workflow/timeline.ts';

export type CaseId = Brand<string, 'CaseId'>;

/** The version of the case document layout this code writes (SPEC C-DOC-3). */
export const caseSchemaVersion = 1;

/** Transaction origin of edits a person makes here; undo tracks only these. */
export const localEditOrigin = 'concord:local-edit';

// Names of the top-level shared types in a case document (SPEC C-DOC-1). Never rename: stored documents use them.
const fieldsKey = 'case';
const titleKey = 'title';
const notesKey = 'notes';

export interface NewCaseFile {
  id: CaseId;
  title: string;
  village: VillageId;
  /** A grid of `village` the case lies in, when the recorder says (SPEC C-DOC-5). */
  grid?: string | null;
  disputeType: DisputeType;
  createdAt: number;
  /** Account id of who records it, for the field history (SPEC C-HIST-1). */
  by?: string;
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

  /** The title, co-edited as text. */
  get title(): Y.Text {
    return this.doc.getText(titleKey);
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
    if (grid !== null && !findGrid(init.village, grid)) {
      throw new Error(`no grid ${grid} in village ${init.village}`);
    }
    this.doc.transact(() => {
      this.fields.set('schemaVersion', caseSchemaVersion);
      this.fields.set('id', init.id);
      this.fields.set('village', init.village);
      this.fields.set('disputeType', init.disputeType);
      this.fields.set('createdAt', init.createdAt);
      if (grid !== null) this.fields.set('grid', grid);
      this.title.insert(0, init.title);
      // the first values open the history, so a later change reads as a change from something
      appendChanges(this.doc, [
        this.#change('village', init.village, init.by),
        ...(grid === null ? [] : [this.#change('grid', grid, init.by)]),
        this.#change('disputeType', init.disputeType, init.by),
      ]);
    }, localEditOrigin);
  }

  setTitle(next: string): void {
    this.doc.transact(() => applyRangedEdit(this.title, next), localEditOrigin);
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

  /** Sets one scalar of the case map and logs it, in one transaction; setting the value it holds does nothing. */
  #setScalar(field: 'village' | 'disputeType' | 'grid', value: string, by: string | undefined): void {
    if (this.fields.get(field) === value) return;
    this.doc.transact(() => {
      this.fields.set(field, value);
      appendChanges(this.doc, [this.#change(field, value, by)]);
    }, localEditOrigin);
  }

  #change(field: string, value: FieldValue, by: string | undefined): FieldChange {
    return {
      id: this.#newId?.() ?? newChangeId(),
      field,
      value,
      at: Math.max(0, Math.round(this.#now())),
      by: by ?? null,
    };
  }

  /** Calls `listener` after every change to any part of the case; returns the function that stops it. */
  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.fields.observe(handler);
    this.title.observe(handler);
    this.notes.observe(handler);
    // deep: a party's own map changes without the array changing
    this.#parties.observeDeep(handler);
    return () => {
      this.fields.unobserve(handler);
      this.title.unobserve(handler);
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
    const village = fields.get('village');
    const type = fields.get('disputeType');
    const createdAt = fields.get('createdAt');
    const version = fields.get('schemaVersion');
    return {
      id: typeof id === 'string' ? (id as CaseId) : null,
      title: this.title.toString(),
      village: typeof village === 'string' && findVillage(village) ? (village as VillageId) : null,
      grid: readGrid(village, fields.get('grid')),
      disputeType: isDisputeType(type) ? type : null,
      createdAt: typeof createdAt === 'number' ? createdAt : null,
      ...this.#placement(),
      newerSchema: typeof version === 'number' && version > caseSchemaVersion,
    };
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function readGrid(village: unknown, grid: unknown): string | null {
  if (typeof village !== 'string' || typeof grid !== 'string') return null;
  return findGrid(village, grid) ? grid : null;
}
