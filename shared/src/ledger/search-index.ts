import { departments } from '../org/agencies.ts';
import { findVillage } from '../org/jurisdiction.ts';
import type { LedgerRow } from './ledger-row.ts';

/**
 * Full-text search over the ledger that works for Chinese, where words are not separated by spaces (SPEC
 * L-LEDGER-3). `Intl.Segmenter` cuts the query into words and drops punctuation; neighbouring Chinese words are
 * joined again into one run, because the segmenter's cuts inside Chinese are dictionary guesses that differ
 * between ICU versions (Chromium cuts 刘某地界 as 刘|某地|界, where 某地 is "somewhere") and know no names (王|某).
 * A run matches a row that contains it whole, or cut into pieces of two or more characters that it each contains
 * (山林纠纷 finds 王某与刘某山林地界纠纷); a word of another script matches a row containing it.
 *
 * The index maps each character and each pair of adjacent characters to the rows holding it: a Chinese run's
 * candidates are the rows holding all of its characters, another word's those holding all of its pairs; each
 * candidate is then checked, which keeps the answer exactly that of a scan, only faster.
 */

const words = new Intl.Segmenter('zh', { granularity: 'word' });
const hanOnly = /^\p{Script=Han}+$/u;
// Between fields, so a pair never spans the end of one field and the start of the next.
const fieldSeparator = '\n';

/** Case and width folded, so `ＡＢ`, `ab` and `AB` find each other; NFKC also unifies full-width digits. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The fields of a row search looks in. */
export type SearchableRow = Pick<LedgerRow, 'title' | 'parties' | 'village' | 'departments' | 'contacts'>;

/**
 * Words the device puts to a row beyond what it carries (SPEC L-LEDGER-6): its dispute type's name in both
 * languages and its handler's name, which live in the interface's messages and the staff directory, not here.
 */
export type SearchNames<Row> = (row: Row) => readonly string[];

const departmentNames = new Map<string, readonly string[]>(departments.map((d) => [d.id, [d.zh, d.en]]));

/**
 * What search looks in for a row: its title, the parties' names and phone numbers, the village and the
 * departments in both languages, and whatever `names` adds.
 */
export function searchTextOf<Row extends SearchableRow>(row: Row, names?: SearchNames<Row>): string {
  const village = row.village === null ? undefined : findVillage(row.village);
  const parts = [row.title, ...row.parties];
  if (village) parts.push(village.name.zh, village.name.en);
  else if (row.village !== null) parts.push(row.village);
  for (const department of row.departments) parts.push(...(departmentNames.get(department) ?? [department]));
  // the parties' phone numbers, for a fragment of one (SPEC L-LEDGER-7)
  parts.push(...row.contacts);
  if (names) parts.push(...names(row));
  return normalizeText(parts.join(fieldSeparator));
}

/** One thing a query asks for: a run of Chinese characters, or a word of another script. */
export interface QueryTerm {
  text: string;
  han: boolean;
}

/** What a row must contain, from what a person typed: Chinese runs and other words, punctuation dropped. */
export function queryTerms(query: string): QueryTerm[] {
  const found = new Map<string, QueryTerm>();
  const add = (text: string, han: boolean) => found.set(`${han ? 'h' : 'w'}${text}`, { text, han });
  for (const term of normalizeText(query).split(/\s+/u)) {
    let run = '';
    for (const { segment, isWordLike } of words.segment(term)) {
      if (isWordLike && hanOnly.test(segment)) {
        run += segment;
        continue;
      }
      if (run !== '') add(run, true);
      run = '';
      if (isWordLike) add(segment, false);
    }
    if (run !== '') add(run, true);
  }
  return [...found.values()];
}

/** Whether `text` (normalized) holds the term, as {@link queryTerms} describes. */
export function termMatches(term: QueryTerm, text: string): boolean {
  if (text.includes(term.text)) return true;
  if (!term.han) return false;
  // cut the run into pieces of two or more characters, each found in the text: which cuts reach which character
  const chars = Array.from(term.text);
  const reached = new Array<boolean>(chars.length + 1).fill(false);
  reached[0] = true;
  for (let from = 0; from < chars.length; from++) {
    if (!reached[from]) continue;
    for (let to = from + 2; to <= chars.length; to++) {
      // a piece not in the text is in no longer piece from the same start either
      if (!text.includes(chars.slice(from, to).join(''))) break;
      reached[to] = true;
    }
  }
  return reached[chars.length] === true;
}

/** What `\s` matches, by code unit, without a regular expression per character: indexing runs on every row. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Keys that every text the term matches holds: for a Chinese run each of its characters (a cut may separate any
 * two of them), for another word its pairs, or its one character.
 */
function keysOfTerm(term: QueryTerm): string[] {
  const { text } = term;
  if (term.han || text.length === 1) return [...new Set(text.split(''))];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  return [...pairs];
}

/** Sorted row positions in both lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/**
 * A search index over a fixed list of rows; make it once per list, query it as often as the person types. The keys
 * are built at the first search, not when the rows arrive: opening the ledger needs no search.
 */
export class LedgerSearchIndex<Row extends SearchableRow = SearchableRow> {
  readonly #texts: string[];
  /** Key → the sorted positions of the rows whose text holds it; null until the first search. */
  #postings: Map<string, number[]> | null = null;

  constructor(rows: readonly Row[], names?: SearchNames<Row>) {
    this.#texts = rows.map((row) => searchTextOf(row, names));
  }

  #keys(): Map<string, number[]> {
    if (this.#postings) return this.#postings;
    const postings = new Map<string, number[]>();
    this.#postings = postings;
    this.#texts.forEach((text, position) => {
      // every character and every pair of adjacent characters, spaces left out
      for (let i = 0; i < text.length; i++) {
        if (isSpace(text.charCodeAt(i))) continue;
        const char = text.charAt(i);
        add(postings, char, position);
        if (i + 1 < text.length && !isSpace(text.charCodeAt(i + 1)))
          add(postings, char + text.charAt(i + 1), position);
      }
    });
    return postings;
  }

  get size(): number {
    return this.#texts.length;
  }

  /** How many keys the index holds, for the benchmark; builds them if no search has yet. */
  get keyCount(): number {
    return this.#keys().size;
  }

  /** Positions, in row order, of the rows that hold every term of the query; null for a query of no terms. */
  matches(query: string): number[] | null {
    const terms = queryTerms(query);
    if (terms.length === 0) return null;
    let result: number[] | null = null;
    for (const term of terms) {
      result = this.#candidates(term, result).filter((position) =>
        termMatches(term, this.#texts[position] ?? ''),
      );
      if (result.length === 0) return result;
    }
    return result;
  }

  #candidates(term: QueryTerm, within: number[] | null): number[] {
    const lists = keysOfTerm(term).map((key) => this.#keys().get(key) ?? []);
    // the shortest list first, so each intersection is as small as it can be
    lists.sort((a, b) => a.length - b.length);
    let candidates = within;
    for (const list of lists) {
      candidates = candidates === null ? list : intersect(candidates, list);
      if (candidates.length === 0) break;
    }
    return candidates ?? [];
  }
}

/** Rows are added in order, so a row already listed under the key is the list's last. */
function add(postings: Map<string, number[]>, key: string, position: number): void {
  const list = postings.get(key);
  if (!list) postings.set(key, [position]);
  else if (list[list.length - 1] !== position) list.push(position);
}
