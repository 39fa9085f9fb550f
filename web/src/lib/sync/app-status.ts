import type { ConnectionState } from './connection-state.svelte.ts';

/** What one open document's socket says of the way to the server. */
export interface LinkFacts {
  connected: boolean;
  synced: boolean;
  /** An attempt failed and none is open now. */
  failed: boolean;
  /** The server closed it for good (44xx): it says nothing of the network. */
  refused: boolean;
}

/**
 * Whether the app reaches the server, for the status on every page (SPEC W-STATUS-1): the device's own word that
 * it is offline wins; then any open document's socket; with none open, whether the last call to the server
 * answered (the case list's refresh).
 */
export function overallState(facts: {
  deviceOnline: boolean;
  links: readonly LinkFacts[];
  lastCall: 'loading' | 'server' | 'device';
}): ConnectionState {
  if (!facts.deviceOnline) return 'offline';
  const links = facts.links.filter((l) => !l.refused);
  if (links.some((l) => l.connected && l.synced)) return 'online';
  if (links.some((l) => l.failed)) return 'offline';
  if (links.some((l) => l.connected)) return 'connecting';
  if (links.length > 0) return 'connecting';
  if (facts.lastCall === 'server') return 'online';
  return facts.lastCall === 'device' ? 'offline' : 'connecting';
}

/** A case or meeting with edits the server has not acknowledged, as the status lists it (SPEC W-STATUS-2). */
export interface UnsentItem {
  kind: 'case' | 'meeting';
  href: string;
  title: string;
}

/** Where the app remembers when the server last acknowledged an edit of this device. */
export const lastAcknowledgedKey = 'concord.lastAcknowledgedAt';

/** Reads the stored moment; null when none is stored or it cannot be read. */
export function readLastAcknowledged(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}
