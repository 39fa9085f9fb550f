import * as Y from 'yjs';
import { z } from 'zod';

// The name of the case document's field log. Never rename: stored documents use it.
export const fieldLogKey = 'fieldLog';

/** A value a scalar field of a case can hold. */
export const fieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

/**
 * One value set on one scalar field (SPEC C-HIST-1). The field's Y.Map holds whichever concurrent write Yjs lets
 * win; the log keeps every write, so the value that lost a merge is still there for someone to review.
 */
export const fieldChangeSchema = z.object({
  /** Random, unique: with `at` it orders the log the same way on every replica. */
  id: z.string().min(8).max(64),
  /** `title`, `village`, `disputeType`, `grid`, `source`, or `parties.<party id>.<field>`. */
  field: z.string().min(1).max(200),
  value: fieldValueSchema,
  /** When it was set, by the device's clock (ms). */
  at: z.number().int().nonnegative(),
  /** Account id of who set it; null when the caller did not say (older callers). */
  by: z.string().min(1).max(128).nullable(),
  /**
   * The entries of the same field its writer saw as current when writing it (SPEC C-REG-1): what this value
   * replaces. Absent in entries written before fields were registers; such an entry replaces every earlier one.
   */
  seen: z.array(z.string().min(8).max(64)).max(256).optional(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** The log's name for a party's field. */
export function partyField(partyId: string, field: string): string {
  return `parties.${partyId}.${field}`;
}

export function newChangeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Appends changes to the log; the caller runs this inside the transaction that sets the fields. */
export function appendChanges(doc: Y.Doc, changes: readonly FieldChange[]): void {
  if (changes.length === 0) return;
  doc.getArray<unknown>(fieldLogKey).push(changes.map((change) => fieldChangeSchema.parse(change)));
}

/**
 * Every value set on `field`, oldest first, by time and then id, so every replica lists them in the same order.
 * Entries this version cannot read stay in the document and are left out here.
 */
export function readFieldHistory(doc: Y.Doc, field: string): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const value of doc.getArray<unknown>(fieldLogKey).toArray()) {
    const parsed = fieldChangeSchema.safeParse(value);
    if (parsed.success && parsed.data.field === field) changes.push(parsed.data);
  }
  return changes.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
