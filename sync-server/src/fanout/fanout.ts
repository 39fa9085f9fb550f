import { z } from 'zod';
import type { DocName } from '@concord/shared/sync/doc-name.ts';

/**
 * How server instances tell each other of updates they have saved, so clients on different instances see each
 * other's edits (SPEC S-SCALE-1). Delivery is at most once: a missed message is not lost, because every update
 * is in the shared store before it is published, and a client's next sync fetches what it lacks.
 */
export interface Fanout {
  /** Passes an update this instance has saved to the other instances that have the document open. */
  publish(doc: DocName, message: FanoutMessage): void;
  /** Calls `onMessage` with what other instances publish for `doc`; resolves once subscribed. */
  subscribe(doc: DocName, onMessage: (message: FanoutMessage) => void): Promise<() => Promise<void>>;
  /** Tells the other instances that an account changed or a session ended, once it is stored (SPEC A-REVOKE-3). */
  publishAccountEvent(event: AccountEvent): void;
  /** Calls `onEvent` with the account events other instances publish; resolves once subscribed. */
  subscribeAccountEvents(onEvent: (event: AccountEvent) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** An account changed (read it again from the shared store), or a sign-in session ended. */
export const accountEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accountChanged'), accountId: z.string().min(1) }),
  z.object({ kind: z.literal('sessionEnded'), sessionId: z.string().min(1) }),
]);
export type AccountEvent = z.infer<typeof accountEventSchema>;

/** A saved document update, or an awareness update (presence), as the y-protocols encode them. */
export interface FanoutMessage {
  kind: 'update' | 'presence';
  bytes: Uint8Array;
}
