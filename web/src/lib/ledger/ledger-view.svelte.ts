import { caseSources } from '@concord/shared/cases/case-source.ts';
import { disputeTypes } from '@concord/shared/cases/dispute-type.ts';
import { riskGrades, stages } from '@concord/shared/cases/workflow/events.ts';
import { escalationLevels } from '@concord/shared/org/agencies.ts';
import { demoVillages } from '@concord/shared/org/jurisdiction.ts';
import {
  noValue,
  queryLedger,
  remindersFor,
  reviewValue,
  type Facet,
  type LedgerFilters,
  type LedgerResult,
  type Reminder,
  type QueryContext,
  type SortKey,
} from '@concord/shared/ledger/query.ts';
import { LedgerSearchIndex } from '@concord/shared/ledger/search-index.ts';
import type { KnownCase } from '../cases/case-registry.ts';
import type { ListFacet } from './ledger-labels.ts';
import type { LedgerChoice } from './ledger-url.ts';
import { searchNamesFor } from './search-names.ts';

/** Rows shown at first and added by each "show more": a phone lists a page, not 5,000 rows. */
export const pageSize = 50;

/** The values each filter offers even when no row has them yet, in the order they are offered. */
const offered: Record<ListFacet, readonly string[]> = {
  village: [...demoVillages.map((v) => v.id), noValue],
  disputeType: [...disputeTypes, noValue],
  source: [...caseSources, noValue],
  risk: [...[...riskGrades].reverse(), noValue],
  stage: stages,
  level: escalationLevels,
  deadline: ['overdue', 'dueSoon', 'onTime', 'none'],
};

/** Who the page is for, beyond "mine": whose names to search, and which villages the filter may offer. */
export interface LedgerAudience {
  /** A person's name from the staff directory, or the account id when it does not know them. */
  nameOf: (id: string) => string;
  /** The villages the person may open by place (`villagesOpenTo`, SPEC L-FILTER-1); null for all. */
  villages: () => readonly string[] | null;
}

const everyone: LedgerAudience = { nameOf: (id) => id, villages: () => null };

/**
 * The ledger page's state: what the person chose (filters, search, sort, how many rows to show) and what it
 * shows, derived from the directory's rows. The search index is built once per list of rows, not per keystroke.
 */
export class LedgerView {
  filters = $state<LedgerFilters>({});
  text = $state('');
  sort = $state<SortKey>('updated');
  limit = $state(pageSize);
  #now = $state(Date.now());
  readonly #rows: () => readonly KnownCase[];
  readonly #index: LedgerSearchIndex;
  readonly #context: QueryContext;
  readonly result: LedgerResult<KnownCase>;
  readonly reminders: Reminder<KnownCase>[];

  /** `rows` and `me` are read again whenever what they read changes; `choice` is where the page starts. */
  readonly #audience: LedgerAudience;

  constructor(
    rows: () => readonly KnownCase[],
    me: () => QueryContext['me'],
    choice?: LedgerChoice,
    audience: LedgerAudience = everyone,
  ) {
    this.#rows = rows;
    this.#audience = audience;
    if (choice) {
      this.filters = choice.filters;
      this.text = choice.text;
      this.sort = choice.sort;
    }
    // dispute types by name and handlers by name too (SPEC L-LEDGER-6); names read once per list, not per keystroke
    this.#index = $derived(new LedgerSearchIndex(rows(), searchNamesFor(audience.nameOf)));
    this.#context = $derived({ now: this.#now, me: me() });
    this.result = $derived(
      queryLedger(
        rows(),
        this.#index,
        { filters: this.filters, text: this.text, sort: this.sort },
        this.#context,
      ),
    );
    this.reminders = $derived(remindersFor(rows(), this.#context));
  }

  get total(): number {
    return this.#rows().length;
  }

  get shown(): readonly KnownCase[] {
    return this.result.rows.slice(0, this.limit);
  }

  get now(): number {
    return this.#now;
  }

  /** Overdue and due-soon are worked out at the moment of asking (SPEC C-FLOW-8): the page asks again now and then. */
  tick(now = Date.now()): void {
    this.#now = now;
  }

  /**
   * The values a filter offers, those no list knows included; `[value, count]`. A village the person may not open
   * by place is left out unless a row of theirs lies in it (SPEC L-FILTER-1).
   */
  options(facet: ListFacet): [string, number][] {
    const counts = this.result.counts[facet];
    const open = facet === 'village' ? this.#audience.villages() : null;
    const values = open === null ? [...offered[facet]] : offered[facet].filter((v) => open.includes(v));
    const chosen = this.filters[facet];
    for (const value of [...counts.keys(), ...(chosen === undefined ? [] : [chosen])])
      if (!values.includes(value)) values.push(value);
    return values.map((value) => [value, counts.get(value) ?? 0]);
  }

  mineCount(): number {
    return this.result.counts.mine.get('mine') ?? 0;
  }

  /** How many rows "needs review" would show, the other filters kept (SPEC L-REVIEW-1). */
  reviewCount(): number {
    return this.result.counts.review.get(reviewValue.needed) ?? 0;
  }

  /** Chooses a filter's value, or clears it with undefined; the list starts again from its first page. */
  choose(facet: Facet, value: string | undefined): void {
    const { [facet]: _before, ...others } = this.filters;
    this.filters = value === undefined ? others : { ...others, [facet]: value };
    this.limit = pageSize;
  }

  /** What the person chose, for the page's address. */
  get choice(): LedgerChoice {
    return { filters: this.filters, text: this.text, sort: this.sort };
  }

  get filtered(): boolean {
    return Object.keys(this.filters).length > 0 || this.text.trim() !== '';
  }

  clear(): void {
    this.filters = {};
    this.text = '';
    this.limit = pageSize;
  }

  showMore(): void {
    this.limit += pageSize;
  }
}
