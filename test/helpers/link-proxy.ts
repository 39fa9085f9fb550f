import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LinkProxy {
  /** `http://127.0.0.1:<port>`: open the app here and everything it sends goes through the proxy. */
  url: string;
  /**
   * The link goes dead without a word: nothing more is passed either way, and no connection is closed, as when a
   * phone loses its signal or a router forgets the connection. New connections are taken and left hanging.
   */
  silence(): void;
  /** Resolves once the server has sent `bytes` (within one read) to the browser through the proxy. */
  serverSent(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** A TCP proxy in front of the test server, to take the link away the way a network does. */
export async function linkProxy(target: string): Promise<LinkProxy> {
  const { hostname, port } = new URL(target);
  let silenced = false;
  const sockets = new Set<Socket>();
  const watchers: { bytes: Buffer; resolve: () => void }[] = [];
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // a reset from either side while silenced or closing is what the test wants, not a failure
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (silenced) return;
    const upstream = connect(Number(port), hostname);
    track(upstream);
    client.on('data', (chunk) => {
      if (!silenced) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (silenced) return;
      client.write(chunk);
      for (const watcher of [...watchers]) {
        if (!chunk.includes(watcher.bytes)) continue;
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve();
      }
    });
    client.on('end', () => {
      if (!silenced) upstream.end();
    });
    upstream.on('end', () => {
      if (!silenced) client.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    silence() {
      silenced = true;
    },
    serverSent(bytes) {
      return new Promise((resolve) => watchers.push({ bytes: Buffer.from(bytes), resolve }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
