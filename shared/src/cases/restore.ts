import * as Y from 'yjs';
import { z } from 'zod';
import { CaseFile } from './case-file.ts';
import { appendChanges, newChangeId, partyField, type FieldChange, type FieldValue } from './field-log.ts';
import { noteFormats } from './notes-format.ts';
import { partiesKey, partyFieldNames, readParty, type Party } from './parties.ts';
import { rangedEdit } from '../text/ranged-edit.ts';
import { workflowEventSchema } from './workflow/events.ts';

// The names of the case document's restore log and the shared types restore reads. Never rename.
export const restoresKey = 'restores';
const fieldsKey = 'case';
const timelineKey = 'timeline';

/** One restore, kept in the case document's `restores` log, so its history says who restored which moment. */
export const restoreEntrySchema = z.object({
  id: z.string().min(8).max(64),
  /** The moment restored (ms since the epoch). */
  version: z.number().int().nonnegative(),
  /** When it was restored, and by whose account. */
  at: z.number().int().nonnegative(),
  by: z.string().min(1).max(128),
});
export type RestoreEntry = z.infer<typeof restoreEntrySchema>;

/** Case fields a restore never touches: they name the case and its layout, and never change. */
// the title is a register written through the case file (SPEC C-REG-1), not copied as a key
const fixedFields = new Set(['id', 'schemaVersion', 'createdAt', 'title']);
/** Case fields whose every value the field history keeps (SPEC C-HIST-1). */
const loggedFields = new Set(['village', 'disputeType', 'grid', 'source']);

export interface RestoreOptions {
  /** The moment `version` was read at. */
  at: number;
  /** The account restoring it, to whom the change and its log entries are attributed. */
  by: string;
  now: number;
  newId?: () => string;
}

/**
 * Makes the case in `doc` read as `version` did again, by a new change (SPEC W-RESTORE-1): its title and notes by
 * ranged edits (notes keep the version's formatting), its fields and parties by map sets, each logged in the field
 * history. The timeline is never cut: a step the version had and the case lacks now is appended again, and
 * steps recorded since stay. Call inside one transaction, whose origin names who restores.
 */
export function restoreCase(doc: Y.Doc, version: Y.Doc, options: RestoreOptions): void {
  // inside the caller's transaction when there is one, so the whole restore is one change with its origin
  doc.transact(() => {
    restoreWithin(doc, version, options);
  });
}

function restoreWithin(doc: Y.Doc, version: Y.Doc, options: RestoreOptions): void {
  const newId = options.newId ?? newChangeId;
  const change = (field: string, value: FieldValue): FieldChange => ({
    id: newId(),
    field,
    value,
    at: options.now,
    by: options.by,
  });
  const logged: FieldChange[] = [];
  const file = new CaseFile(doc);
  file.setTitle(new CaseFile(version).title, options.by);
  restoreFields(doc.getMap(fieldsKey), version.getMap(fieldsKey), (field, value) => {
    if (loggedFields.has(field)) logged.push(change(field, value));
  });
  restoreNotes(file.notes, new CaseFile(version).notes);
  restoreParties(doc.getArray(partiesKey), version.getArray(partiesKey), (id, field, value) => {
    logged.push(change(partyField(id, field), value));
  });
  restoreSteps(doc.getArray(timelineKey), version.getArray(timelineKey));
  appendChanges(doc, logged);
  const entry: RestoreEntry = { id: newId(), version: options.at, at: options.now, by: options.by };
  doc.getArray<unknown>(restoresKey).push([restoreEntrySchema.parse(entry)]);
}

/** Every restore of the case, oldest first; entries this version cannot read are left out. */
export function readRestores(doc: Y.Doc): RestoreEntry[] {
  const entries: RestoreEntry[] = [];
  for (const value of doc.getArray<unknown>(restoresKey).toArray()) {
    const parsed = restoreEntrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
  }
  return entries.sort((a, b) => a.at - b.at);
}

function restoreFields(
  fields: Y.Map<unknown>,
  version: Y.Map<unknown>,
  changed: (field: string, value: FieldValue) => void,
): void {
  const keys = new Set([...fields.keys(), ...version.keys()]);
  for (const key of keys) {
    if (fixedFields.has(key)) continue;
    const want = version.get(key);
    if (JSON.stringify(fields.get(key)) === JSON.stringify(want)) continue;
    if (want === undefined) fields.delete(key);
    else fields.set(key, want);
    changed(key, isFieldValue(want) ? want : null);
  }
}

function isFieldValue(value: unknown): value is FieldValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A stretch of the notes with one set of attributes. */
interface Run {
  text: string;
  attributes: Record<string, unknown>;
}

/**
 * The notes as the version had them: one delete and one insert between the common prefix and suffix (SPEC
 * C-DOC-4), the insert carrying the version's formatting, then the formatting the notes' formats differ by.
 */
function restoreNotes(notes: Y.Text, version: Y.Text): void {
  const runs = textRuns(version);
  const want = runs.map((run) => run.text).join('');
  const { start, deleteCount, insert } = rangedEdit(notes.toString(), want);
  if (deleteCount > 0) notes.delete(start, deleteCount);
  let offset = 0;
  let at = start;
  for (const run of runs) {
    const from = Math.max(start, offset);
    const to = Math.min(start + insert.length, offset + run.text.length);
    if (from < to) {
      const piece = want.slice(from, to);
      notes.insert(at, piece, run.attributes);
      at += piece.length;
    }
    offset += run.text.length;
  }
  // the formats the editor knows, each set to the version's value or removed: unchanged stretches write nothing
  offset = 0;
  for (const run of runs) {
    const attributes = Object.fromEntries(noteFormats.map((key) => [key, run.attributes[key] ?? null]));
    notes.format(offset, run.text.length, attributes);
    offset += run.text.length;
  }
}

/** The text of a Y.Text in runs of one formatting; anything not text (an embed) is left out. */
function textRuns(text: Y.Text): Run[] {
  const runs: Run[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert === 'string') runs.push({ text: op.insert, attributes: op.attributes ?? {} });
  }
  return runs;
}

function restoreParties(
  parties: Y.Array<unknown>,
  version: Y.Array<unknown>,
  changed: (id: string, field: string, value: FieldValue) => void,
): void {
  const wanted = new Map<string, Party>();
  for (const value of version.toArray()) {
    const party = readParty(value);
    if (party) wanted.set(party.id, party);
  }
  // parties added since go; a party this version cannot read stays, as everywhere (SPEC C-PARTY-1)
  const present = new Set<string>();
  for (let i = parties.length - 1; i >= 0; i--) {
    const value = parties.get(i);
    const party = readParty(value);
    if (!party) continue;
    const want = wanted.get(party.id);
    if (!want) {
      parties.delete(i, 1);
      continue;
    }
    present.add(party.id);
    const map = value as Y.Map<unknown>;
    for (const key of partyFieldNames) {
      if (party[key] === want[key]) continue;
      map.set(key, want[key]);
      changed(party.id, key, want[key]);
    }
  }
  for (const party of wanted.values()) {
    if (present.has(party.id)) continue;
    const map = new Y.Map<unknown>();
    map.set('id', party.id);
    for (const key of partyFieldNames) {
      map.set(key, party[key]);
      changed(party.id, key, party[key]);
    }
    parties.push([map]);
  }
}

/** Steps the version had that the case lacks now are appended again, as they were; none is ever removed. */
function restoreSteps(timeline: Y.Array<unknown>, version: Y.Array<unknown>): void {
  const ids = new Set<string>();
  for (const value of timeline.toArray()) {
    const parsed = workflowEventSchema.safeParse(value);
    if (parsed.success) ids.add(parsed.data.id);
  }
  const missing = [];
  for (const value of version.toArray()) {
    const parsed = workflowEventSchema.safeParse(value);
    if (parsed.success && !ids.has(parsed.data.id)) missing.push(parsed.data);
  }
  if (missing.length > 0) timeline.push(missing);
}
