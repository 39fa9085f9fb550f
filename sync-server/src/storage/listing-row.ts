import { docKinds, type DocKind, type DocName } from '@concord/shared/sync/doc-name.ts';
import { docFactsSchema, type DocFacts } from '@concord/shared/access/rights.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { DocEditRecord, DocListing } from './doc-store.ts';

/** Turns a `docs` row (same columns in SQLite and PostgreSQL) into a listing, checking what the database gave. */
export function listingFromRow(row: Record<string, unknown>): DocListing {
  const kind = row['kind'];
  if (typeof kind !== 'string' || !(docKinds as readonly string[]).includes(kind)) {
    throw new Error(`stored document has an unknown kind: ${String(kind)}`);
  }
  const village = typeof row['village'] === 'string' ? row['village'] : null;
  return {
    name: String(row['name']) as DocName,
    kind: kind as DocKind,
    title: String(row['title']),
    village,
    facts: factsFromColumn(row['facts'], kind as DocKind, village),
    updatedAt: Number(row['updated_at']),
  };
}

/** The stored facts, checked; rows written before facts were kept get what their columns say. */
function factsFromColumn(value: unknown, kind: DocKind, village: string | null): DocFacts {
  if (typeof value === 'string') return docFactsSchema.parse(JSON.parse(value));
  return kind === 'case'
    ? { kind, village, level: 'village', leaders: [], departments: [] }
    : { kind, invited: [] };
}

/** A `doc_edits` row (same columns in SQLite and PostgreSQL). */
export function editFromRow(row: Record<string, unknown>): DocEditRecord {
  const fields: unknown = JSON.parse(String(row['fields']));
  return {
    author: String(row['account_id']) as AccountId,
    at: Number(row['at']),
    fields: Array.isArray(fields) ? fields.map(String) : [],
    bytes: Number(row['bytes']),
  };
}
