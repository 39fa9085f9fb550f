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
  close(): Promise<void>;
}

/** A saved document update, or an awareness update (presence), as the y-protocols encode them. */
export interface FanoutMessage {
  kind: 'update' | 'presence';
  bytes: Uint8Array;
}
