import type { Role } from '@concord/shared/auth/user.ts';
import type { DocHistoryEntry } from '@concord/shared/docs/listing.ts';
import type { WorkflowEvent } from '@concord/shared/cases/workflow/events.ts';
import type { StaffMember } from '@concord/shared/people/staff.ts';
import type { Peer } from './presence.ts';

export interface Person {
  id: string;
  name: string;
  role: Role | null;
  /** The village of village staff, when a source says it; null for town staff or not known. */
  village: string | null;
  /** False for an account an administrator disabled: named in old steps, not chosen for new ones. */
  active: boolean;
}

/**
 * Everyone the case page can put a name to: the signed-in person, the town's staff directory (SPEC A-DIR-1),
 * those here now, and those in the case's attribution trail. Steps store account ids (SPEC C-FLOW-1); this turns
 * them back into names. The first source to name someone wins, so the person's own name is never replaced by an
 * older one.
 */
export function knownPeople(sources: {
  self: { id: string; displayName: string; role: Role; village?: string | null } | null;
  staff: readonly StaffMember[];
  peers: readonly Peer[];
  history: readonly DocHistoryEntry[];
}): Map<string, Person> {
  const people = new Map<string, Person>();
  const add = (person: Person) => {
    if (!people.has(person.id)) people.set(person.id, person);
  };
  const { self } = sources;
  if (self)
    add({
      id: self.id,
      name: self.displayName,
      role: self.role,
      village: self.village ?? null,
      active: true,
    });
  for (const member of sources.staff) {
    const { id, displayName: name, role, village, active } = member;
    add({ id, name, role, village, active });
  }
  for (const peer of sources.peers) {
    add({ id: peer.id, name: peer.name, role: peer.role, village: null, active: true });
  }
  for (const { author } of sources.history) {
    add({ id: author.id, name: author.displayName, role: author.role, village: null, active: true });
  }
  return people;
}

/** The person's name, or the account id as stored when no source names them. */
export function nameOf(people: ReadonlyMap<string, Person>, id: string): string {
  return people.get(id)?.name ?? id;
}

/** Account ids the timeline mentions that no source names yet: worth asking the server's trail about. */
export function unnamed(people: ReadonlyMap<string, Person>, events: readonly WorkflowEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    ids.add(event.by);
    if (event.kind === 'dispatched') {
      ids.add(event.handler);
      for (const leader of event.leaders) ids.add(leader);
    }
    if (event.kind === 'closed') ids.add(event.verifier);
    if (event.kind === 'attempt') for (const id of event.participants) ids.add(id);
  }
  return [...ids].filter((id) => !people.has(id)).sort();
}
