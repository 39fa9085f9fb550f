import { z } from 'zod';
import type { MeetingSummary } from '@concord/shared/meetings/meeting-file.ts';
import { meetingListingSchema, type MeetingListing } from '@concord/shared/meetings/meeting-listing.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';

/** A meeting as the list knows it: the server's row, or what this device's copy says, maybe not sent yet. */
export const meetingRowSchema = meetingListingSchema.extend({ pendingUpload: z.boolean() });
export type MeetingRow = z.infer<typeof meetingRowSchema>;

export const meetingsStorageKey = 'concord.meetings';
const storedSchema = z.object({
  version: z.literal(1),
  savedAt: z.number().nullable(),
  rows: z.array(z.unknown()),
});

/** The rows kept on the device; a row this version cannot read is left out and said so, never guessed at. */
export function readStoredMeetings(raw: string | null): { rows: MeetingRow[]; savedAt: number | null } {
  if (raw === null) return { rows: [], savedAt: null };
  try {
    const stored = storedSchema.parse(JSON.parse(raw));
    const rows = stored.rows.flatMap((row) => {
      const parsed = meetingRowSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
    if (rows.length < stored.rows.length) console.warn('meetings: some kept rows are unreadable');
    return { rows, savedAt: stored.savedAt };
  } catch (error) {
    console.warn('meetings: the kept list is unreadable; waiting for the server', error);
    return { rows: [], savedAt: null };
  }
}

export function encodeStoredMeetings(rows: readonly MeetingRow[], savedAt: number | null): string {
  return JSON.stringify({ version: 1, savedAt, rows });
}

/** A row from what a meeting's document says of itself (SPEC M-CAL-1). */
export function rowOfSummary(
  name: DocName,
  summary: MeetingSummary,
  before: MeetingRow | undefined,
  pendingUpload: boolean,
  now: number,
): MeetingRow {
  return {
    ...summary,
    name,
    access: before?.access ?? 'write',
    updatedAt: now,
    pendingUpload: pendingUpload || (before?.pendingUpload ?? false),
  };
}

/** Whether two rows show the same, so an unchanged document does not rewrite storage. */
export function sameRow(a: MeetingRow, b: MeetingRow): boolean {
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/**
 * The list after the server's: its rows, and the device's rows it does not have yet that wait to be sent. The
 * names of the rows that are no longer the person's come back in `gone`.
 */
export function mergeServerMeetings(
  known: ReadonlyMap<DocName, MeetingRow>,
  server: readonly MeetingListing[],
): { rows: Map<DocName, MeetingRow>; gone: DocName[] } {
  const rows = new Map<DocName, MeetingRow>();
  for (const listing of server) {
    const before = known.get(listing.name);
    // an edit made here and not yet sent says more than the server's row
    rows.set(
      listing.name,
      before?.pendingUpload ? { ...before, access: listing.access } : { ...listing, pendingUpload: false },
    );
  }
  const gone: DocName[] = [];
  for (const [name, row] of known) {
    if (rows.has(name)) continue;
    if (row.pendingUpload) rows.set(name, row);
    else gone.push(name);
  }
  return { rows, gone };
}

export function rowsByName(rows: readonly MeetingRow[]): ReadonlyMap<DocName, MeetingRow> {
  return new Map(rows.map((row) => [row.name, row]));
}

/** A new map with `row` in it; the directory replaces its map whole, so readers see each change. */
export function withRow(
  rows: ReadonlyMap<DocName, MeetingRow>,
  row: MeetingRow,
): ReadonlyMap<DocName, MeetingRow> {
  return new Map(rows).set(row.name, row);
}

export function withoutRow(
  rows: ReadonlyMap<DocName, MeetingRow>,
  name: DocName,
): ReadonlyMap<DocName, MeetingRow> {
  const next = new Map(rows);
  next.delete(name);
  return next;
}
