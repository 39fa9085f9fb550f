import { docKinds, type DocKind, type DocName } from '@concord/shared/sync/doc-name.ts';
import { docFactsSchema, type DocFacts } from '@concord/shared/access/rights.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import { ledgerEntrySchema, type LedgerEntry } from '@concord/shared/ledger/ledger-of.ts';
import type { MeetingSummary } from '@concord/shared/meetings/meeting-file.ts';
import { meetingSummarySchema } from '@concord/shared/meetings/meeting-listing.ts';
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
    ledger: ledgerFromColumn(row['ledger']),
    meeting: meetingFromColumn(row['meeting']),
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

/** The ledger column as written: JSON, or NULL for a meeting. */
export function ledgerColumn(ledger: LedgerEntry | null): string | null {
  return ledger === null ? null : JSON.stringify(ledger);
}

/**
 * The stored ledger row, checked. NULL (a row saved before the column existed) or a row this version cannot read
 * (a newer version wrote a stage it does not know) reads as null: the column stays as it is, and the ledger
 * builds that row from the document itself instead (SPEC L-LEDGER-1).
 */
function ledgerFromColumn(value: unknown): LedgerEntry | null {
  if (typeof value !== 'string') return null;
  const parsed = ledgerEntrySchema.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : null;
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

/** The meeting column as written: JSON, or NULL for a case. */
export function meetingColumn(meeting: MeetingSummary | null): string | null {
  return meeting === null ? null : JSON.stringify(meeting);
}

/**
 * The stored meeting summary, checked. NULL (saved before the column existed) or one this version cannot read
 * reads as null, and the list builds it from the stored document instead (SPEC M-LIST-1).
 */
function meetingFromColumn(value: unknown): MeetingSummary | null {
  if (typeof value !== 'string') return null;
  const parsed = meetingSummarySchema.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : null;
}
