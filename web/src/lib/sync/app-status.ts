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

/** What the app's one socket says (SPEC S-MUX-1): null when nobody is signed in and it is not used. */
export interface SocketFacts {
  connected: boolean;
  /** Attempts that failed since the socket last heard the server. */
  failures: number;
}

/**
 * Whether the app reaches the server, for the status on every page (SPEC W-STATUS-1): the device's own word that
 * it is offline wins; then the app's socket, which carries every kept document and hears the server's beat even
 * with no page open on a document (a failed attempt is offline; connected is online once an open document, if
 * any, is synced); without it, any open document's channel; with none open, whether the last call to the server
 * answered (the case list's refresh).
 */
export function overallState(facts: {
  deviceOnline: boolean;
  socket?: SocketFacts | null;
  links: readonly LinkFacts[];
  lastCall: 'loading' | 'server' | 'device';
}): ConnectionState {
  if (!facts.deviceOnline) return 'offline';
  const links = facts.links.filter((l) => !l.refused);
  const socket = facts.socket ?? null;
  if (socket && !socket.connected && socket.failures > 0) return 'offline';
  if (socket?.connected) {
    return links.length === 0 || links.some((l) => l.synced) ? 'online' : 'connecting';
  }
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
