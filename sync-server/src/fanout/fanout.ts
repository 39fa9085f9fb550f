import type { DocName } from '@concord/shared/sync/doc-name.ts';

/**
 * How server instances tell each other of updates they have saved, so clients on different instances see each
 * other's edits (SPEC S-SCALE-1). Delivery is at most once: a missed message is not lost, because every update
 * is in the shared store before it is published, and a client's next sync fetches what it lacks.
 */
export interface Fanout {
  /** Passes an update this instance has saved to the other instances that have the document open. */
  publish(doc: DocName, update: Uint8Array): void;
  /** Calls `onUpdate` with each update other instances publish for `doc`; resolves once subscribed. */
  subscribe(doc: DocName, onUpdate: (update: Uint8Array) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
