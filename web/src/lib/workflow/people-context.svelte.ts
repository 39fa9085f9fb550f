import type { PublicUser } from '@concord/shared/auth/user.ts';
import type { StaffMember } from '@concord/shared/people/staff.ts';
import { CaseHistory } from '../cases/case-history.svelte.ts';
import type { CaseSession } from '../cases/case-session.svelte.ts';
import { knownPeople, nameOf, unnamed, type Person } from './people.ts';

/**
 * Names for the account ids on the case page: the signed-in person, those present, and the case's attribution
 * trail, which is asked again only when the timeline names someone none of them knows.
 */
export class CasePeople {
  readonly #session: CaseSession;
  readonly #self: () => PublicUser | null;
  readonly #staff: () => readonly StaffMember[];
  readonly #history: CaseHistory;
  /**
   * Ids already asked about, so an id the server cannot name either is not asked about on every change. Not
   * reactive on purpose: the effect that asks must not re-run because it noted what it asked.
   */
  #asked: string[] = [];

  constructor(
    session: CaseSession,
    options: {
      self: () => PublicUser | null;
      staff: () => readonly StaffMember[];
      fetch: typeof fetch;
      token: () => string | null;
    },
  ) {
    this.#session = session;
    this.#self = options.self;
    this.#staff = options.staff;
    this.#history = new CaseHistory(session.name, { fetch: options.fetch, token: options.token });
  }

  // lazy: read only after the constructor has set the sources
  readonly #all = $derived.by(() =>
    knownPeople({
      self: this.#self(),
      staff: this.#staff(),
      peers: this.#session.peers,
      history: this.#history.entries,
    }),
  );

  get all(): Map<string, Person> {
    return this.#all;
  }

  name = (id: string): string => nameOf(this.all, id);

  /** Asks the trail about ids the timeline names and nobody here knows; call from an effect. */
  lookUpUnnamed(): void {
    const missing = unnamed(this.all, this.#session.events).filter((id) => !this.#asked.includes(id));
    if (missing.length === 0) return;
    this.#asked.push(...missing);
    void this.#history.load();
  }

  /**
   * The server has a new state of the case on disk: an id it could not name before (a step not yet saved when
   * asked) may have a name now.
   */
  retry(): void {
    this.#asked = [];
    this.lookUpUnnamed();
  }
}
