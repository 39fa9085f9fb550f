import { z } from 'zod';
import { parseDocName, type DocName } from '@concord/shared/sync/doc-name.ts';
import type { DocListing } from '@concord/shared/docs/listing.ts';

/** What this device remembers of a case file, so the list shows offline (SPEC W-LIST-1). */
export interface KnownCase {
  name: DocName;
  title: string;
  village: string | null;
  updatedAt: number;
  /** Edited here while the server could not be reached: the next connection must send it. */
  pendingUpload: boolean;
  /** What the server's list says this person may do with it; `write` for a case only this device knows. */
  access: 'read' | 'write';
}

const storedSchema = z.object({
  version: z.literal(1),
  cases: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      village: z.string().nullable(),
      updatedAt: z.number(),
      pendingUpload: z.boolean(),
      // rows kept before rights existed have none: until the server says otherwise, the person may write
      access: z.enum(['read', 'write']).default('write'),
    }),
  ),
});

export const registryStorageKey = 'concord.known-cases';

/** Reads the remembered cases; anything unreadable is left out, never guessed. */
export function readKnownCases(storage: Pick<Storage, 'getItem'>): Map<DocName, KnownCase> {
  const known = new Map<DocName, KnownCase>();
  const raw = storage.getItem(registryStorageKey);
  if (raw === null) return known;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    console.warn('the remembered case list is not JSON; starting afresh', error);
    return known;
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) return known;
  for (const entry of parsed.data.cases) {
    const name = parseDocName(entry.name);
    if (name.ok && name.kind === 'case') known.set(name.name, { ...entry, name: name.name });
  }
  return known;
}

export function writeKnownCases(
  storage: Pick<Storage, 'setItem'>,
  known: ReadonlyMap<DocName, KnownCase>,
): void {
  storage.setItem(registryStorageKey, JSON.stringify({ version: 1, cases: [...known.values()] }));
}

/**
 * Merges the server's list into what this device knows. The server's row wins, except for a case edited here and
 * not yet sent: there this device's title is the newer one, and only the access comes from the server. A case
 * the server no longer lists is `gone` (no longer the person's, SPEC A-REVOKE-2), unless something of it waits
 * to be sent: then it stays, so nothing typed is lost (SPEC W-LIST-1).
 */
export function mergeServerList(
  known: ReadonlyMap<DocName, KnownCase>,
  listing: readonly DocListing[],
): { cases: Map<DocName, KnownCase>; gone: DocName[] } {
  const cases = new Map<DocName, KnownCase>();
  for (const row of listing) {
    if (row.kind !== 'case') continue;
    const mine = known.get(row.name);
    cases.set(
      row.name,
      mine?.pendingUpload
        ? { ...mine, access: row.access }
        : {
            name: row.name,
            title: row.title,
            village: row.village,
            updatedAt: row.updatedAt,
            pendingUpload: false,
            access: row.access,
          },
    );
  }
  const gone: DocName[] = [];
  for (const [name, mine] of known) {
    if (cases.has(name)) continue;
    if (mine.pendingUpload) cases.set(name, mine);
    else gone.push(name);
  }
  return { cases, gone };
}

/** Newest first, then by name so the order is stable. */
export function sortCases(cases: Iterable<KnownCase>): KnownCase[] {
  return [...cases].sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}
