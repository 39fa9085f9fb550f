import type { LedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import { normalizeText } from '@concord/shared/ledger/search-index.ts';

/**
 * Likely duplicates of a case about to be recorded (SPEC W-DUP-1): cases of the same village whose parties are
 * named in the new title, or whose title is much like it. Titles are compared by the character pairs they share,
 * which works for Chinese without cutting words, shrugs off a reordered phrase, and does not mind one title
 * giving more detail than the other (the shared pairs are counted against the shorter title).
 */

/** From this share of the shorter title's pairs, two titles are alike. */
const alike = 0.5;
/** A case whose parties the new title does not name must have a title this alike: 某 and 纠纷 are everywhere. */
const alikeOtherParties = 0.8;
/** A short title is compared as if it had this many pairs, so "纠纷" alone is like nothing. */
const minPairs = 4;
const maxShown = 3;

/** Letters, digits and characters only: punctuation and spaces do not make two titles differ. */
function compact(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]/gu, '');
}

function pairs(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    found.set(pair, (found.get(pair) ?? 0) + 1);
  }
  return found;
}

/** 1 when one title's pairs of characters are all in the other, 0 when they share none. */
export function titleSimilarity(a: string, b: string): number {
  const left = pairs(compact(a));
  const right = pairs(compact(b));
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  const size = (map: Map<string, number>) => [...map.values()].reduce((sum, count) => sum + count, 0);
  return shared / Math.max(minPairs, Math.min(size(left), size(right)));
}

/** A case's parties' names, as the new title would write them. */
function partiesOf(row: Pick<LedgerRow, 'parties'>): Set<string> {
  return new Set(row.parties.map(compact).filter((name) => name.length >= 2));
}

/**
 * The names a title gives the way ledgers write them (王某, 李某某): a title often names the parties so while the
 * case file holds their full names. So common that they count only beside a like title.
 */
function titleNamesOf(row: Pick<LedgerRow, 'title'>): Set<string> {
  return new Set(Array.from(compact(row.title).matchAll(/\p{Script=Han}某+/gu), ([name]) => name));
}

export interface Duplicate<Row extends LedgerRow> {
  row: Row;
  similarity: number;
  /** The case's parties (or the names in its title) named in the new title. */
  parties: string[];
}

export function likelyDuplicates<Row extends LedgerRow>(
  draft: { title: string; village: string },
  rows: readonly Row[],
): Duplicate<Row>[] {
  const title = compact(draft.title);
  if (title.length < 2 || draft.village === '') return [];
  const found: Duplicate<Row>[] = [];
  for (const row of rows) {
    if (row.village !== draft.village) continue;
    const parties = [...partiesOf(row)].filter((name) => title.includes(name));
    const titleNames = [...titleNamesOf(row)].filter(
      (name) => title.includes(name) && !parties.includes(name),
    );
    const similarity = titleSimilarity(draft.title, row.title);
    const hasNames = row.parties.length > 0 || titleNamesOf(row).size > 0;
    const likely =
      parties.length >= 2 ||
      (parties.length + titleNames.length > 0 && similarity >= alike) ||
      similarity >= (hasNames ? alikeOtherParties : alike);
    if (likely) {
      found.push({ row, similarity, parties: [...parties, ...titleNames] });
    }
  }
  return found
    .sort((a, b) => b.parties.length - a.parties.length || b.similarity - a.similarity)
    .slice(0, maxShown);
}
