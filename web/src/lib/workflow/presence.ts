import { z } from 'zod';
import { roles } from '@concord/shared/auth/user.ts';

/** The fields of the case page a person can be in; the markers beside them show who is (SPEC W-PRES-1). */
export const presenceFields = ['title', 'village', 'disputeType', 'notes'] as const;
export type CaseField = (typeof presenceFields)[number];
/** The minutes of one agenda item of a meeting, as the meeting page names them (SPEC W-MEET-2). */
export type MinutesField = `minutes/${string}`;
export type PresenceField = CaseField | MinutesField;

const minutesFieldPattern = /^minutes\/[A-Za-z0-9_-]{1,64}$/;

function isMinutesField(value: string): value is MinutesField {
  return minutesFieldPattern.test(value);
}

/** The presence field of an agenda item's minutes. */
export function minutesField(itemId: string): MinutesField {
  return `minutes/${itemId}`;
}

/** A field of rich text, where the others see the person's caret (SPEC W-PRES-2). */
export function isTextField(field: PresenceField | null): boolean {
  return field === 'notes' || (field !== null && isMinutesField(field));
}

const presenceFieldSchema = z.union([
  z.enum(presenceFields),
  z.custom<MinutesField>((value) => typeof value === 'string' && isMinutesField(value)),
]);

/** What each device announces on the case's awareness: who is here, and which field they are in. */
export const presenceStateSchema = z.object({
  user: z.object({
    id: z.string().min(1),
    name: z.string(),
    role: z.enum(roles).nullable(),
    color: z.string().regex(/^#[0-9a-f]{6}$/),
  }),
  field: presenceFieldSchema.nullable().catch(null),
  /** Where their caret is in the text field they are in, as a Yjs relative position (JSON), so it moves with others' edits. */
  caret: z.unknown().optional(),
});
export type PresenceState = z.infer<typeof presenceStateSchema>;

export interface Peer {
  id: string;
  name: string;
  role: PresenceState['user']['role'];
  color: string;
  /** Where they are; a person with the case open on two devices is in whichever field either one is in. */
  field: PresenceField | null;
  /** Their caret in the text they are in (a relative position), when they are typing there. */
  caret: unknown;
}

// dark enough for white text and for a 3px border on white, and told apart at a glance
const palette = ['#b4361f', '#1f6fb4', '#2f8a3b', '#8a4fb4', '#b47a1f', '#1f8a8a', '#b41f6f', '#5b6875'];

/** A person's colour: the same on every device, from their account id alone. */
export function colourFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] ?? '#5b6875';
}

/**
 * The other people on the case from the awareness states: devices of other accounts, one entry per person.
 * States that do not read as presence (an older version, a stock client) are left out, not guessed at.
 */
export function peersFrom(
  states: ReadonlyMap<number, unknown>,
  self: { clientId: number; userId: string | null },
): Peer[] {
  const byId = new Map<string, Peer>();
  for (const [clientId, raw] of states) {
    if (clientId === self.clientId) continue;
    const parsed = presenceStateSchema.safeParse(raw);
    if (!parsed.success || parsed.data.user.id === self.userId) continue;
    const { user, field, caret } = parsed.data;
    const known = byId.get(user.id);
    byId.set(user.id, {
      ...user,
      field: known?.field ?? field,
      caret: known?.caret ?? (isTextField(field) ? (caret ?? null) : null),
    });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The peers in `field`. */
export function peersIn(peers: readonly Peer[], field: PresenceField): Peer[] {
  return peers.filter((peer) => peer.field === field);
}
