import { accessTo, type Access, type DocFacts, type Subject } from '@concord/shared/access/rights.ts';
import type { PublicUser } from '@concord/shared/auth/user.ts';
import { CaseFile } from '@concord/shared/cases/case-file.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import type { DocKind, DocName } from '@concord/shared/sync/doc-name.ts';
import type * as Y from 'yjs';
import type { DocListing, DocStore } from '../storage/doc-store.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';

export function subjectOf(user: PublicUser): Subject {
  return { id: user.id, role: user.role, village: user.village, agency: user.agency };
}

/**
 * Decides what a person may do with a document (SPEC A-RIGHT-9): from the document in memory when it is
 * loaded, so a change just made counts at once; else from the facts stored with its listing; a document never
 * stored has no facts.
 */
export class DocAccess {
  readonly #store: DocStore;
  readonly #rooms: RoomRegistry;

  constructor(store: DocStore, rooms: RoomRegistry) {
    this.#store = store;
    this.#rooms = rooms;
  }

  async factsOf(name: DocName, kind: DocKind): Promise<DocFacts | null> {
    const room = this.#rooms.loaded(name);
    if (room && hasContent(kind, room.doc)) return summarizeDoc(kind, room.doc).facts;
    return (await this.#store.listing(name))?.facts ?? null;
  }

  async decide(user: PublicUser, name: DocName, kind: DocKind): Promise<Access> {
    return accessTo(subjectOf(user), kind, await this.factsOf(name, kind));
  }
}

function hasContent(kind: DocKind, doc: Y.Doc): boolean {
  return kind === 'case' ? new CaseFile(doc).exists : doc.share.size > 0;
}

/** The stored documents `user` may open, each with what they may do with it (SPEC A-RIGHT-11). */
export function openable(
  user: PublicUser,
  listings: readonly DocListing[],
): { listing: DocListing; access: 'read' | 'write' }[] {
  const subject = subjectOf(user);
  const open: { listing: DocListing; access: 'read' | 'write' }[] = [];
  for (const listing of listings) {
    const access = accessTo(subject, listing.kind, listing.facts);
    if (access !== 'none') open.push({ listing, access });
  }
  return open;
}
