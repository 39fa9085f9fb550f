import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AccountId } from '@concord/shared/auth/user.ts';

/** Who a presence state names, as the server knows them. */
export interface PresenceUser {
  id: AccountId;
  name: string;
  role: string;
}

/** What the stamp needs of a room: its presence states and which member owns which. */
export interface PresenceRoom {
  awareness: { getStates(): Map<number, Record<string, unknown>> };
  presenceOwners: Map<number, { readonly author?: AccountId }>;
}

interface Entry {
  client: number;
  clock: number;
  state: unknown;
}

function readEntries(update: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ client, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  return entries;
}

function writeEntries(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.client);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** The account a presence state names, when the server stamped it (another instance's client). */
function stampedAccount(state: Record<string, unknown> | undefined): unknown {
  const user = state?.['user'];
  return user !== null && typeof user === 'object' ? (user as Record<string, unknown>)['id'] : undefined;
}

/**
 * A socket's presence as the server lets it stand (SPEC S-AWARE-4): a socket sets or removes only the states it
 * owns (the first socket to announce a client id owns it; another socket of the same account may take it over),
 * and every state it sets names the socket's signed-in account, whatever the client wrote there; the client keeps
 * its colour and where it is. Returns the update to apply, or null when nothing of it stands. Throws on an
 * unreadable update, as the awareness protocol would.
 */
export function stampPresence(
  room: PresenceRoom,
  update: Uint8Array,
  member: { readonly author?: AccountId },
  user: PresenceUser,
): Uint8Array | null {
  const states = room.awareness.getStates();
  const kept: Entry[] = [];
  for (const entry of readEntries(update)) {
    const owner = room.presenceOwners.get(entry.client);
    const sameAccount = owner !== undefined && owner.author === user.id;
    const foreign =
      owner === undefined && states.has(entry.client)
        ? stampedAccount(states.get(entry.client)) !== user.id
        : false;
    if ((owner !== undefined && owner !== member && !sameAccount) || foreign) continue;
    if (entry.state === null) {
      room.presenceOwners.delete(entry.client);
      kept.push(entry);
      continue;
    }
    if (typeof entry.state !== 'object' || Array.isArray(entry.state)) continue;
    const announced = entry.state as Record<string, unknown>;
    const claimed = announced['user'];
    const color =
      claimed !== null && typeof claimed === 'object'
        ? (claimed as Record<string, unknown>)['color']
        : undefined;
    const stamped = {
      ...announced,
      user: { ...(typeof color === 'string' && color.length <= 32 ? { color } : {}), ...user },
    };
    room.presenceOwners.set(entry.client, member);
    kept.push({ ...entry, state: stamped });
  }
  return kept.length > 0 ? writeEntries(kept) : null;
}

/** A socket is gone: the client ids it owned are free again. */
export function releasePresence(room: PresenceRoom, member: object): void {
  for (const [client, owner] of room.presenceOwners) if (owner === member) room.presenceOwners.delete(client);
}

/**
 * The client ids a socket announced as its own. Read from the owners, not from the presence states: a client's very
 * first state (clock 0) is one the awareness protocol does not keep, yet the socket announced it.
 */
export function ownedPresence(room: PresenceRoom, member: object): Set<number> {
  const owned = new Set<number>();
  for (const [client, owner] of room.presenceOwners) if (owner === member) owned.add(client);
  return owned;
}
