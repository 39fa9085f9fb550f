import { z } from 'zod';
import { staffMemberSchema, staffResponseSchema, type StaffMember } from '@concord/shared/people/staff.ts';
import { apiFailure, callApi } from '../http/api.ts';

export const staffStorageKey = 'concord.people';
const storedSchema = z.object({ version: z.literal(1), people: z.array(staffMemberSchema) });

/**
 * The town's staff as the server last listed them (SPEC A-DIR-1), kept on the device so a case's steps have
 * names and a dispatch has people to choose from offline too.
 */
export class StaffDirectory {
  readonly #storage: Storage | null;
  readonly #fetch: typeof fetch;
  readonly #token: () => string | null;
  readonly #onUnauthorized: () => void;
  #people = $state.raw<readonly StaffMember[]>([]);
  /** Moves on at sign-out, so an answer asked for before it is not kept (SPEC W-SIGNOUT-2). */
  #generation = 0;

  constructor(options: {
    storage: Storage | null;
    fetch: typeof fetch;
    token: () => string | null;
    onUnauthorized: () => void;
  }) {
    this.#storage = options.storage;
    this.#fetch = options.fetch;
    this.#token = options.token;
    this.#onUnauthorized = options.onUnauthorized;
    this.#people = readStored(this.#storage);
  }

  get people(): readonly StaffMember[] {
    return this.#people;
  }

  /** The person's name, or the account id as stored when the directory does not have them. */
  nameOf = (id: string): string => this.#people.find((person) => person.id === id)?.displayName ?? id;

  /** The person signs out: the directory leaves memory; the caller clears what was stored. */
  clear(): void {
    this.#generation++;
    this.#people = [];
  }

  /** Asks the server for the directory; offline or refused, the device's copy stays. */
  async refresh(): Promise<void> {
    const generation = this.#generation;
    const result = await callApi(this.#fetch, this.#token(), '/api/people', { schema: staffResponseSchema });
    if (generation !== this.#generation) return; // signed out meanwhile
    if (!result.ok) {
      if (result.failure === apiFailure.signedOut) this.#onUnauthorized();
      else if (result.failure !== apiFailure.unreachable) console.warn('people: not refreshed', result);
      return;
    }
    this.#people = result.value.people;
    try {
      this.#storage?.setItem(staffStorageKey, JSON.stringify({ version: 1, people: result.value.people }));
    } catch (error) {
      // a full device keeps the directory for this visit only; names come back with the next refresh
      console.warn('people: not kept on this device', error);
    }
  }
}

function readStored(storage: Storage | null): StaffMember[] {
  const raw = storage?.getItem(staffStorageKey) ?? null;
  if (raw === null) return [];
  try {
    const stored = storedSchema.safeParse(JSON.parse(raw));
    if (stored.success) return stored.data.people;
    console.warn('people: the kept directory is from another version; waiting for the server', stored.error);
  } catch (error) {
    console.warn('people: the kept directory is unreadable; waiting for the server', error);
  }
  return [];
}
