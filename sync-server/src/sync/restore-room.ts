import type * as Y from 'yjs';
import type { AccountId } from '@concord/shared/auth/user.ts';
import { CaseFile } from '@concord/shared/cases/case-file.ts';
import { restoreCase } from '@concord/shared/cases/restore.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { RoomMember } from './room.ts';
import type { RoomRegistry } from './room-registry.ts';

/**
 * Makes a case read as `version` again by a new change made on the server (SPEC C-RESTORE-1, H-RESTORE-1): the
 * change is made in the document's room, loaded for it if no one has it open, with an origin that names the
 * person restoring, so it is saved, attributed and relayed to every open socket like any edit. Resolves once it
 * is on disk, or at once with `newerSchema` for a case a newer Concord wrote, which is never rewritten (SPEC
 * C-DOC-3).
 */
export async function restoreInRoom(
  rooms: RoomRegistry,
  name: DocName,
  version: Y.Doc,
  options: { at: number; by: AccountId; now: number },
): Promise<'restored' | 'newerSchema'> {
  // a member of the room that is no socket: it receives nothing, and its edits are attributed to `by`
  const restorer: RoomMember = {
    author: options.by,
    send: () => undefined,
    release: () => undefined,
  };
  const room = await rooms.join(name, 'case', restorer);
  try {
    if (new CaseFile(room.doc).summary().newerSchema) return 'newerSchema';
    room.doc.transact(() => {
      restoreCase(room.doc, version, { at: options.at, by: options.by, now: options.now });
    }, restorer);
    await room.whenSaved();
    return 'restored';
  } finally {
    await rooms.leave(room, restorer);
  }
}
