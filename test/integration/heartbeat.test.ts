import { afterEach, describe, expect, it, vi } from 'vitest';
import { extensionType } from '../../shared/src/sync/extensions.ts';
import { stockClient, synced } from '../helpers/clients.ts';
import { rawSocket } from '../helpers/raw-socket.ts';
import { serverPool } from '../helpers/test-server.ts';

const servers = serverPool();
afterEach(() => {
  vi.restoreAllMocks();
  return servers.disposeAll();
});

const isBeat = (frame: Uint8Array) => frame.length === 1 && frame[0] === extensionType.beat;

/** Resolves once `count` beats have come on the socket, counting those come already. */
async function beats(socket: ReturnType<typeof rawSocket>, count: number): Promise<void> {
  let seen = 0;
  await socket.frameWhere((frame) => isBeat(frame) && ++seen >= count);
}

describe('heartbeat', () => {
  it('S-BEAT-1: a socket that asked for acks hears a beat again and again; one that did not hears none', async () => {
    const server = await servers.start({ beatIntervalMs: 20 });
    const plain = rawSocket(`${server.syncUrl}/case:beat`);
    const asking = rawSocket(`${server.syncUrl}/case:beat?acks=1`);
    await Promise.all([plain.opened, asking.opened]);
    await plain.firstFrame();
    await beats(asking, 3);
    // the plain socket was open all the while the other heard three beats
    expect(plain.frames.filter((f) => f[0] === extensionType.beat)).toEqual([]);
    plain.ws.close();
    asking.ws.close();
  });

  it('S-BEAT-1: a stock client that asked for acks but knows no beat stays connected and keeps syncing', async () => {
    const server = await servers.start({ beatIntervalMs: 20 });
    const unknown = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stock = stockClient(server.syncUrl, 'case:beat-stock', { params: { acks: '1' } });
    // the handlers are an array by type: cut after 102, so 103 has none, as in a client that never heard of it
    stock.provider.messageHandlers.length = extensionType.beat;
    const other = stockClient(server.syncUrl, 'case:beat-stock');
    await Promise.all([synced(stock), synced(other)]);
    const watcher = rawSocket(`${server.syncUrl}/case:beat-stock?acks=1`);
    await beats(watcher, 3);
    // the stock provider reads an unknown type as nothing to do (it only logs), and the socket stays open
    expect(unknown).toHaveBeenCalledWith('Unable to compute message');
    expect(stock.provider.wsconnected).toBe(true);
    const arrived = new Promise<void>((resolve) => {
      other.doc.getText('notes').observe(() => resolve());
    });
    stock.doc.getText('notes').insert(0, '还在线');
    await arrived;
    expect(other.doc.getText('notes').toString()).toBe('还在线');
    watcher.ws.close();
    stock.destroy();
    other.destroy();
  });
});
