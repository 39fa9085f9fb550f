import { z } from 'zod';
import { ledgerRowSchema, type LedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import { parseDocName, type DocName } from '@concord/shared/sync/doc-name.ts';

/** A ledger row as this device knows it (SPEC W-LIST-1, L-LEDGER-5). */
export interface KnownCase extends LedgerRow {
  /** Edited here and not yet on the server's disk: the next connection must send it. */
  pendingUpload: boolean;
}

/**
 * What a case file itself says of its row: the fields its summary has (a case page keeps them up to date), and
 * those of the timeline and parties when the caller derived them too.
 */
export type CaseRowFields = Pick<
  LedgerRow,
  'title' | 'village' | 'grid' | 'disputeType' | 'createdAt' | 'level' | 'leaders' | 'departments'
> &
  Partial<
    Pick<
      LedgerRow,
      | 'risk'
      | 'stage'
      | 'parties'
      | 'handler'
      | 'deadline'
      | 'conflicts'
      | 'needsReview'
      | 'registeredAt'
      | 'closedAt'
      | 'reopenings'
      | 'satisfaction'
    >
  >;

const rowFieldNames = [
  'title',
  'village',
  'grid',
  'disputeType',
  'createdAt',
  'level',
  'leaders',
  'departments',
  'risk',
  'stage',
  'parties',
  'handler',
  'deadline',
  'conflicts',
  'needsReview',
  // what the statistics count: a case closed here counts as closed offline (SPEC L-STATS-4)
  'registeredAt',
  'closedAt',
  'reopenings',
  'satisfaction',
] as const satisfies readonly (keyof CaseRowFields)[];

/**
 * The row after the case file said `fields`: what the case says wins, the rest (access, what the timeline gave
 * when the caller did not derive it) stays. A case only this device knows starts as a reported case the person
 * may write. The time of the last change moves only when something changed.
 */
export function rowWith(
  name: DocName,
  before: KnownCase | undefined,
  fields: CaseRowFields,
  pendingUpload: boolean,
  now: number,
): KnownCase {
  const base: KnownCase = before ?? {
    name,
    title: '',
    village: null,
    grid: null,
    disputeType: null,
    risk: null,
    stage: 'reported',
    level: 'village',
    parties: [],
    handler: null,
    leaders: [],
    departments: [],
    deadline: null,
    createdAt: null,
    updatedAt: now,
    conflicts: 0,
    needsReview: false,
    attemptsAtLevel: 0,
    spansVillages: false,
    openActions: 0,
    nextActionDue: null,
    source: null,
    contacts: [],
    registeredAt: null,
    closedAt: null,
    reopenings: 0,
    satisfaction: null,
    access: 'write',
    pendingUpload: false,
  };
  const next: KnownCase = { ...base, pendingUpload: pendingUpload || base.pendingUpload };
  for (const key of rowFieldNames) {
    const value = fields[key];
    if (value !== undefined) Object.assign(next, { [key]: value });
  }
  const changed =
    !before || rowFieldNames.some((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
  return changed ? { ...next, updatedAt: now } : next;
}

/** Whether two rows show the same; a row that did not change is not written again. */
export function sameRow(a: KnownCase, b: KnownCase): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// Version 1 kept a short row (name, title, village, time, pending, access) for every case seen.
const storedV1 = z.object({
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
// Version 2 keeps whole rows, only of cases changed here since the ledger was last stored (most are unsent).
const storedV2 = z.object({
  version: z.literal(2),
  cases: z.array(z.unknown()),
});

export const registryStorageKey = 'concord.known-cases';

/** What a version 1 row did not keep: read as a case in its village, with nobody given it yet. */
const noPlacement: Omit<CaseRowFields, 'title' | 'village'> = {
  grid: null,
  disputeType: null,
  createdAt: null,
  level: 'village',
  leaders: [],
  departments: [],
};

export function writeKnownCases(storage: Pick<Storage, 'setItem'>, known: Iterable<KnownCase>): void {
  storage.setItem(registryStorageKey, JSON.stringify({ version: 2, cases: [...known] }));
}

/**
 * Merges the server's ledger into what this device knows. The server's row wins, except for a case edited here
 * and not yet sent: there this device's row is the newer one, and only the access comes from the server. A case
 * the server no longer lists is `gone` (no longer the person's, SPEC A-REVOKE-2), unless something of it waits
 * to be sent: then it stays, so nothing typed is lost (SPEC W-LIST-1).
 */
export function mergeServerRows(
  known: ReadonlyMap<DocName, KnownCase>,
  serverRows: readonly LedgerRow[],
): { cases: Map<DocName, KnownCase>; gone: DocName[] } {
  const cases = new Map<DocName, KnownCase>();
  for (const row of serverRows) {
    const mine = known.get(row.name);
    cases.set(
      row.name,
      mine?.pendingUpload ? { ...mine, access: row.access } : { ...row, pendingUpload: false },
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

/**
 * Reads the cases changed on this device since the ledger was last stored; anything unreadable is left out, never
 * guessed. A version 1 list, from before the ledger, is read into rows with what it has.
 */
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
  const v2 = storedV2.safeParse(json);
  if (v2.success) {
    for (const entry of v2.data.cases) {
      const row = ledgerRowSchema.safeParse(entry);
      const pending = z.object({ pendingUpload: z.boolean() }).safeParse(entry);
      if (row.success && pending.success) known.set(row.data.name, { ...row.data, ...pending.data });
    }
    return known;
  }
  const v1 = storedV1.safeParse(json);
  if (!v1.success) return known;
  for (const { name: rawName, title, village, updatedAt, pendingUpload, access } of v1.data.cases) {
    const name = parseDocName(rawName);
    if (!name.ok || name.kind !== 'case') continue;
    const row = rowWith(name.name, undefined, { ...noPlacement, title, village }, pendingUpload, updatedAt);
    known.set(name.name, { ...row, access });
  }
  return known;
}

/** The device's rows: the stored ledger's, with the rows changed here since laid over them. */
export function combineRows(
  stored: readonly LedgerRow[],
  local: ReadonlyMap<DocName, KnownCase>,
): ReadonlyMap<DocName, KnownCase> {
  const rows = new Map<DocName, KnownCase>();
  for (const row of stored) rows.set(row.name, { ...row, pendingUpload: false });
  for (const [name, row] of local) rows.set(name, row);
  return rows;
}

/** A copy with the row put in; the rows on screen are replaced whole, never changed in place. */
export function withRow(
  rows: ReadonlyMap<DocName, KnownCase>,
  row: KnownCase,
): ReadonlyMap<DocName, KnownCase> {
  return new Map(rows).set(row.name, row);
}

/** A copy without the case's row. */
export function withoutRow(
  rows: ReadonlyMap<DocName, KnownCase>,
  name: DocName,
): ReadonlyMap<DocName, KnownCase> {
  const next = new Map(rows);
  next.delete(name);
  return next;
}

/** The rows edited here and not yet on the server. */
export function unsentRows(rows: Iterable<KnownCase>): ReadonlyMap<DocName, KnownCase> {
  const unsent = new Map<DocName, KnownCase>();
  for (const row of rows) if (row.pendingUpload) unsent.set(row.name, row);
  return unsent;
}

/** A device that knows no case yet. */
export const noRows: ReadonlyMap<DocName, KnownCase> = new Map();
