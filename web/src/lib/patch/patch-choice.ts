import type { PublicUser } from '@concord/shared/auth/user.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';

/** What the choice reads of a case's ledger row. */
export interface PatchCase {
  name: DocName;
  village: string | null;
  handler: string | null;
  leaders: readonly string[];
}

/** Villages a person of the town chose to keep on the device; `all` keeps the whole town. */
export type VillageChoice = ReadonlySet<string> | 'all';

export const noVillages: ReadonlySet<string> = new Set();

/** The choice after one village is ticked or unticked; unticking one of the whole town keeps the others. */
export function toggledChoice(
  chosen: VillageChoice,
  allVillages: readonly string[],
  village: string,
  keep: boolean,
): VillageChoice {
  const next = new Set(chosen === 'all' ? allVillages : chosen);
  if (keep) next.add(village);
  else next.delete(village);
  return next;
}

/**
 * Whether a person's own place is their patch: a village's cadres and grid workers, and a department, may open
 * only their own cases, so all of them are kept. The town's staff may open the whole town: they choose villages.
 */
export function choosesVillages(user: Pick<PublicUser, 'village' | 'role'>): boolean {
  return user.village === null && user.role !== 'department';
}

/**
 * The documents to keep on the device (SPEC W-PATCH-1): every case of the person's own patch, or for the town's
 * staff the cases they handle or lead plus those of the villages they chose; and every meeting they may open.
 */
export function patchOf(options: {
  user: Pick<PublicUser, 'id' | 'village' | 'role'>;
  cases: readonly PatchCase[];
  meetings: readonly { name: DocName }[];
  villages: VillageChoice;
}): DocName[] {
  const { user, villages } = options;
  const keepCase = (row: PatchCase): boolean => {
    if (!choosesVillages(user) || villages === 'all') return true;
    if (row.handler === user.id || row.leaders.includes(user.id)) return true;
    return row.village !== null && villages.has(row.village);
  };
  return [...options.cases.filter(keepCase).map((row) => row.name), ...options.meetings.map((m) => m.name)];
}

export interface VillageSize {
  village: string | null;
  cases: number;
  /** Bytes on the device now for the village's kept cases. */
  keptBytes: number;
}

/** The cases of each village, with what is already on the device, for the choice (SPEC W-PATCH-1). */
export function villageSizes(
  cases: readonly PatchCase[],
  keptBytes: (name: DocName) => number,
): VillageSize[] {
  const sizes = new Map<string | null, VillageSize>();
  for (const row of cases) {
    const size = sizes.get(row.village) ?? { village: row.village, cases: 0, keptBytes: 0 };
    size.cases++;
    size.keptBytes += keptBytes(row.name);
    sizes.set(row.village, size);
  }
  return [...sizes.values()].sort((a, b) => b.cases - a.cases);
}

/**
 * The space a village's cases will take: what is on the device where known, else the average of the kept cases
 * (or `fallbackBytes` before any is kept), so the person sees the cost before choosing.
 */
export function estimatedBytes(
  size: VillageSize,
  averageBytes: number | null,
  fallbackBytes = 24_000,
): number {
  const perCase = averageBytes ?? fallbackBytes;
  return Math.max(size.keptBytes, Math.round(size.cases * perCase));
}

const choiceKey = 'concord.patch.villages';

/** The choice as kept in the app's localStorage entry (cleared at sign-out with the others). */
export function readVillageChoice(storage: Storage | null): VillageChoice {
  const raw = storage?.getItem(choiceKey) ?? null;
  if (raw === null) return noVillages;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed === 'all') return 'all';
    if (Array.isArray(parsed)) return new Set(parsed.filter((v): v is string => typeof v === 'string'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    console.warn('the villages kept on this device could not be read; none is chosen', error);
  }
  return noVillages;
}

export function writeVillageChoice(storage: Storage | null, choice: VillageChoice): void {
  storage?.setItem(choiceKey, JSON.stringify(choice === 'all' ? 'all' : [...choice].sort()));
}
