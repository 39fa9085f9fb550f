import * as Y from 'yjs';
import { z } from 'zod';

/** A party's part in the dispute (DOMAIN.md): who asked for help, who is complained about, anyone else. */
export const partyRoles = ['applicant', 'respondent', 'other'] as const;
export type PartyRole = (typeof partyRoles)[number];

export function isPartyRole(value: unknown): value is PartyRole {
  return typeof value === 'string' && (partyRoles as readonly string[]).includes(value);
}

/** One party of a case, as read from its Y.Map in the case document's `parties` array (SPEC C-PARTY-1). */
export interface Party {
  id: string;
  name: string;
  /** Where the party lives: a village id of the town, or a place named in words for someone from elsewhere. */
  village: string;
  contact: string;
  role: PartyRole;
}

/** The fields a person edits; the id is the case file's to give. */
export type PartyFields = Omit<Party, 'id'>;

/** The editable fields, each a scalar in the party's Y.Map, so two people editing one party merge per field. */
export const partyFieldNames = [
  'name',
  'village',
  'contact',
  'role',
] as const satisfies readonly (keyof PartyFields)[];

/** What a form or a network message may set on a party; checked before it is written. */
export const partyFieldsSchema = z.object({
  name: z.string().trim().min(1).max(100),
  village: z.string().max(100),
  contact: z.string().max(100),
  role: z.enum(partyRoles),
});

// The name of the case document's parties array. Never rename: stored documents use it.
export const partiesKey = 'parties';

/** A random party id: 16 hex digits, so two devices adding parties offline never pick the same one. */
export function newPartyId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads one party. A map this version cannot read (no id, from a newer version) comes back null and stays in the
 * document untouched; a missing text field reads as empty and an unknown role as `other`, never as a guess that
 * would be written back.
 */
export function readParty(value: unknown): Party | null {
  if (!(value instanceof Y.Map)) return null;
  const map = value as Y.Map<unknown>;
  const id = map.get('id');
  if (typeof id !== 'string' || id.length === 0) return null;
  const text = (key: string): string => {
    const field = map.get(key);
    return typeof field === 'string' ? field : '';
  };
  const role = map.get('role');
  return {
    id,
    name: text('name'),
    village: text('village'),
    contact: text('contact'),
    role: isPartyRole(role) ? role : 'other',
  };
}

/** Every readable party of the document, in the array's (merged) order. */
export function readParties(doc: Y.Doc): Party[] {
  const parties: Party[] = [];
  for (const value of doc.getArray<unknown>(partiesKey).toArray()) {
    const party = readParty(value);
    if (party) parties.push(party);
  }
  return parties;
}
