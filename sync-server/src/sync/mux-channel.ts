import type { Access } from '@concord/shared/access/rights.ts';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { muxOpenFlag, type MuxFrame } from '@concord/shared/sync/mux-frames.ts';
import type { AuthenticatedUser } from '../auth/auth-service.ts';
import type { SessionRequest, SyncSession } from './session.ts';

/**
 * Closes that concern one document close only its channel; every other closes the socket (SPEC S-MUX-3). An update
 * that does not decode or writes under another account's client id is the document's: the client would send it
 * again after every reconnect, so closing the socket for it would cut off every other document in a loop.
 */
export const channelCodes: ReadonlySet<number> = new Set([
  closeCode.forbidden,
  closeCode.internalError,
  closeCode.tryAgainLater,
  closeCode.clientIdTaken,
  closeCode.invalidUpdate,
]);

/** Bytes a channel may carry while its rights are decided; past it the socket closes (SPEC S-LIMIT-2). */
export const waitingBytesLimit = 1024 * 1024;

export interface Channel {
  readonly number: number;
  readonly name: DocName;
  /** Null while the person's rights to the document are decided. */
  session: SyncSession | null;
  /** Messages that came before the session, handed to it once it exists. */
  waiting: Uint8Array[];
  waitingBytes: number;
}

/** The session a channel's `open` asks for: its greeting follows the open's flags (SPEC S-MUX-4). */
export function channelRequest(
  frame: Extract<MuxFrame, { type: 'open' }>,
  user: AuthenticatedUser,
  access: Exclude<Access, 'none'>,
): SessionRequest {
  return {
    docName: frame.name,
    kind: frame.kind,
    user,
    access,
    wantsAcks: (frame.flags & muxOpenFlag.extensions) !== 0,
    greeting: {
      serverState: (frame.flags & muxOpenFlag.serverState) !== 0,
      presence: (frame.flags & muxOpenFlag.presence) !== 0,
      stateVector: frame.stateVector,
      // the socket beats once for all its channels
      beats: false,
    },
  };
}
