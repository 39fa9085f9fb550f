import { docKinds, type DocKind, type DocName } from '@concord/shared/sync/doc-name.ts';
import type { DocListing } from './doc-store.ts';

/** Turns a `docs` row (same columns in SQLite and PostgreSQL) into a listing, checking what the database gave. */
export function listingFromRow(row: Record<string, unknown>): DocListing {
  const kind = row['kind'];
  if (typeof kind !== 'string' || !(docKinds as readonly string[]).includes(kind)) {
    throw new Error(`stored document has an unknown kind: ${String(kind)}`);
  }
  const village = row['village'];
  return {
    name: String(row['name']) as DocName,
    kind: kind as DocKind,
    title: String(row['title']),
    village: typeof village === 'string' ? village : null,
    updatedAt: Number(row['updated_at']),
  };
}
