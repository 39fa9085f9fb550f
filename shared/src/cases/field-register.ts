import type * as Y from 'yjs';
import {
  fieldChangeSchema,
  fieldLogKey,
  readFieldHistory,
  type FieldChange,
  type FieldValue,
} from './field-log.ts';

/**
 * The short fields of a case a person rewrites whole: each is a multi-value register on the field log, never
 * text that merges, so two values written at once are both kept and neither is glued to the other (SPEC C-REG-1).
 */
export const registerFields = ['title', 'village', 'disputeType', 'grid', 'source'] as const;
export type RegisterField = (typeof registerFields)[number];

export function isRegisterField(value: unknown): value is RegisterField {
  return typeof value === 'string' && (registerFields as readonly string[]).includes(value);
}

export interface RegisterState {
  /** The value every replica shows: of the heads, the latest by time, then id; null when never written. */
  current: FieldChange | null;
  /** The writes no other write of the field has seen, oldest first: one value among them means settled. */
  heads: FieldChange[];
  /**
   * One write per value the heads hold, the current one first, then the others newest first: more than one is a
   * conflict, flagged for someone to review (SPEC C-REG-2).
   */
  values: FieldChange[];
}

/** The one order of a field's writes on every replica: time, then id. */
export function changeOrder(a: FieldChange, b: FieldChange): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sameValue(a: FieldValue, b: FieldValue): boolean {
  return a === b;
}

/**
 * What a field's writes come to (SPEC C-REG-1, C-REG-2). A write that says what it saw replaces those writes; one
 * written before registers (no `seen`) replaces every write before it in the one order, as the last write did
 * then. A pure function of the set of writes, so replicas that hold the same writes agree whatever order they
 * received them in.
 */
export function registerState(changes: readonly FieldChange[]): RegisterState {
  const unique = new Map<string, FieldChange>();
  for (const change of changes) if (!unique.has(change.id)) unique.set(change.id, change);
  const ordered = [...unique.values()].sort(changeOrder);
  const seen = new Set<string>();
  // everything before the last write that predates registers is replaced by it
  let replacedBefore = 0;
  ordered.forEach((change, index) => {
    if (change.seen === undefined) replacedBefore = index;
    else for (const id of change.seen) if (id !== change.id) seen.add(id);
  });
  const heads = ordered.filter((change, index) => index >= replacedBefore && !seen.has(change.id));
  const current = heads.at(-1) ?? null;
  const values: FieldChange[] = [];
  for (const head of [...heads].reverse()) {
    if (!values.some((kept) => sameValue(kept.value, head.value))) values.push(head);
  }
  return { current, heads, values };
}

/** The register of one field of a case document. */
export function readRegister(doc: Y.Doc, field: RegisterField): RegisterState {
  return registerState(readFieldHistory(doc, field));
}

/** Every register of a case document, reading the log once. */
export function readRegisters(doc: Y.Doc): Record<RegisterField, RegisterState> {
  const byField = new Map<string, FieldChange[]>(registerFields.map((field) => [field, []]));
  for (const value of doc.getArray<unknown>(fieldLogKey).toArray()) {
    const parsed = fieldChangeSchema.safeParse(value);
    if (parsed.success) byField.get(parsed.data.field)?.push(parsed.data);
  }
  const state = (field: RegisterField) => registerState(byField.get(field) ?? []);
  return {
    title: state('title'),
    village: state('village'),
    disputeType: state('disputeType'),
    grid: state('grid'),
    source: state('source'),
  };
}

/** True when two or more values of the field stand side by side, waiting for someone to keep one. */
export function inConflict(state: RegisterState): boolean {
  return state.values.length > 1;
}

/**
 * The register fields of a case in conflict (SPEC C-REG-2), in the order of {@link registerFields}: what the
 * ledger's "needs review" counts beside the conflicting steps.
 */
export function registerConflicts(doc: Y.Doc): RegisterField[] {
  const registers = readRegisters(doc);
  return registerFields.filter((field) => inConflict(registers[field]));
}
