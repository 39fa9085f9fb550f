import { parseDocName, type DocKind, type DocName } from '@concord/shared/sync/doc-name.ts';

/**
 * What signing out on a shared device must deal with (SPEC W-SIGNOUT-1, W-SIGNOUT-2): what this device holds that
 * the server has not acknowledged, and every trace of the person it keeps (local copies, the kept lists).
 */

/** A case or meeting with edits the server has not acknowledged, as the warning names it. */
export interface UnsentWork {
  name: DocName;
  kind: DocKind;
  /** Its title as this device knows it; empty when it has none yet. */
  title: string;
}

interface ListedRow {
  readonly name: DocName;
  readonly title: string;
  readonly pendingUpload: boolean;
}

/** A document open on this device, and where its own edits stand with the server. */
export interface OpenDocState {
  readonly name: DocName;
  /** This device's client id in the document, and how many of its edits the document holds. */
  readonly ownClient: number;
  readonly ownClock: number;
  /** The server's last acknowledgement this visit (SPEC S-ACK-1), or null when it has said nothing. */
  readonly acknowledged: ReadonlyMap<number, number> | null;
}

/**
 * Whether edits made on this device this visit wait for the server: only its own client counts, so a document
 * merely read offline (its copy loaded, the server silent) is not "unsent". Edits of earlier visits are marked in
 * the lists' rows, which the directories keep until the server has them.
 */
export function hasUnacknowledgedEdits(state: OpenDocState): boolean {
  return state.ownClock > (state.acknowledged?.get(state.ownClient) ?? 0);
}

/**
 * Everything that would be lost by signing out now: rows marked as not yet sent, and open documents with
 * unacknowledged edits of this visit; cases first, then meetings, each once, in title order.
 */
export function unsentWork(input: {
  cases: readonly ListedRow[];
  meetings: readonly ListedRow[];
  open: readonly OpenDocState[];
}): UnsentWork[] {
  const titles = new Map<DocName, string>();
  for (const row of [...input.cases, ...input.meetings]) titles.set(row.name, row.title);
  const unsent = new Set<DocName>();
  for (const row of [...input.cases, ...input.meetings]) if (row.pendingUpload) unsent.add(row.name);
  for (const doc of input.open) if (hasUnacknowledgedEdits(doc)) unsent.add(doc.name);
  const work: UnsentWork[] = [];
  for (const name of unsent) {
    const parsed = parseDocName(name);
    if (!parsed.ok) continue; // every name here came from a parsed document name
    work.push({ name, kind: parsed.kind, title: titles.get(name) ?? '' });
  }
  const kindOrder = (kind: DocKind) => (kind === 'case' ? 0 : 1);
  return work.sort(
    (a, b) =>
      kindOrder(a.kind) - kindOrder(b.kind) || a.title.localeCompare(b.title) || a.name.localeCompare(b.name),
  );
}

/** Every key of this app starts so; the language choice is the device's, not the person's, and stays. */
const appKeyPrefix = 'concord.';
const keptKeys = new Set(['concord.locale']);

/** The localStorage keys that go when the person signs out. */
export function keysToClear(keys: Iterable<string>): string[] {
  return [...keys].filter((key) => key.startsWith(appKeyPrefix) && !keptKeys.has(key));
}

/**
 * The IndexedDB databases that go: y-indexeddb names each local copy after its document, so they are the listed
 * databases whose names are document names, and (where the browser cannot list them) every document this device
 * knows of.
 */
export function databasesToDelete(listed: Iterable<string | undefined>, known: Iterable<DocName>): DocName[] {
  const names = new Set<DocName>(known);
  for (const name of listed) {
    if (name === undefined) continue;
    const parsed = parseDocName(name);
    if (parsed.ok) names.add(parsed.name);
  }
  return [...names].sort();
}

/** Every key of a Storage, read before any is removed (removing shifts the indexes). */
export function storageKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}
