import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { FakeSocket } from '@concord/shared/sync/fake-mux-socket.ts';
import { encodeClosed } from '@concord/shared/sync/mux-frames.ts';
import { DocPool } from './doc-pool.ts';

/** How the local copies load: a promise the test resolves, or not at all (like a browser that refuses IndexedDB). */
const localCopy = vi.hoisted(() => ({ loaded: null as Promise<void> | null }));
vi.mock('y-indexeddb', () => ({
  IndexeddbPersistence: class {
    readonly whenSynced: Promise<void>;
    constructor() {
      if (!localCopy.loaded) throw new Error('no IndexedDB here');
      this.whenSynced = localCopy.loaded;
    }
    destroy(): Promise<void> {
      return Promise.resolve();
    }
  },
  clearDocument: () => Promise.resolve(),
}));

const caseA = 'case:a' as DocName;
const caseB = 'case:b' as DocName;

/** Lets the local copies load (none in Node) and the socket send what that turn queued. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => queueMicrotask(resolve));
}

describe('DocPool', () => {
  let sockets: FakeSocket[];
  let pool: DocPool;
  let signInEnded: number;
  let refused: [number, DocName][];
  const last = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket made');
    return socket;
  };

  beforeEach(() => {
    // the pool says it keeps no local copy, and goes on without one
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    localCopy.loaded = null;
    sockets = [];
    signInEnded = 0;
    refused = [];
    pool = new DocPool({
      serverUrl: 'ws://server/sync',
      token: 't1',
      onRefused: (code, name) => refused.push([code, name]),
      onSignInEnded: () => signInEnded++,
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
    });
  });

  afterEach(() => {
    pool.closeAll();
    pool.socket.destroy();
    vi.restoreAllMocks();
  });

  it('W-NET-2: every document syncs over one socket, opened in one message', async () => {
    const a = pool.acquire(caseA);
    const b = pool.acquire(caseB);
    await settle();
    expect(sockets).toHaveLength(1);
    expect(last().url).toBe('ws://server/sync?token=t1');
    last().accept();
    await settle();
    const first = last().messages()[0] ?? [];
    expect(first.flatMap((f) => (f.type === 'open' ? [f.name] : []))).toEqual([caseA, caseB]);
    expect(a.shared.provider.wsconnected).toBe(true);
    a.release();
    b.release();
  });

  it('W-OFF-1: a document opens on the socket only once its local copy has loaded', async () => {
    const { promise, resolve: load } = Promise.withResolvers<undefined>();
    localCopy.loaded = promise;
    const a = pool.acquire(caseA);
    last().accept();
    await settle();
    expect(last().sent).toEqual([]);
    load(undefined);
    await settle();
    expect(last().messages()[0]?.[0]).toMatchObject({ type: 'open', name: caseA });
    a.release();
  });

  it('W-NET-2: a 4403 refuses one document; a 4401 ends the sign-in once, and a new token reopens everything', async () => {
    const a = pool.acquire(caseA);
    const b = pool.acquire(caseB);
    await settle();
    last().accept();
    await settle();
    last().deliver(encodeClosed(1, 4403, 'forbidden'));
    expect(refused).toEqual([[4403, caseA]]);
    expect(a.shared.access.refused).toBe(true);
    pool.reconnectAll();
    await settle();
    expect(a.shared.provider.wsconnected).toBe(false);
    last().serverClose(4401, 'sign-in ended');
    expect(signInEnded).toBe(1);
    pool.reconnectAll();
    expect(sockets).toHaveLength(1);
    pool.setToken('t2');
    expect(a.shared.access.refused).toBe(false);
    expect(last().url).toBe('ws://server/sync?token=t2');
    last().accept();
    await settle();
    expect(a.shared.provider.wsconnected).toBe(true);
    expect(b.shared.provider.wsconnected).toBe(true);
    a.release();
    b.release();
  });

  it('W-NET-2: whoever keeps documents nobody holds is told when a page takes one and when the last lets it go', async () => {
    const told: [DocName, boolean][] = [];
    pool.onOpenChanged((name, open) => {
      told.push([name, open]);
      // the name is free again the moment the last holder let it go
      if (!open)
        pool.socket
          .channel(name, {
            opening: () => ({ flags: 0, stateVector: Uint8Array.of(0) }),
            message: () => undefined,
            closed: () => undefined,
          })
          .release();
    });
    const first = pool.acquire(caseA);
    expect(told).toEqual([[caseA, true]]);
    expect(pool.isOpen(caseA)).toBe(true);
    const second = pool.acquire(caseA);
    await settle();
    first.release();
    expect(told).toHaveLength(1);
    second.release();
    expect(told).toEqual([
      [caseA, true],
      [caseA, false],
    ]);
    expect(pool.isOpen(caseA)).toBe(false);
  });

  it('W-SIGNOUT-2: signing out closes the socket until the next sign-in', () => {
    pool.acquire(caseA);
    last().accept();
    expect(pool.closeAll()).toEqual([caseA]);
    expect(pool.socket.connected).toBe(false);
    pool.reconnectAll();
    expect(sockets).toHaveLength(1);
  });
});
