import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy that holds every chunk for half a round trip each way, as a phone's link would. */
export interface SlowLink {
  /** `ws://127.0.0.1:<port>/sync`: the same server, a round trip away. */
  syncUrl: string;
  close(): Promise<void>;
}

export async function slowLink(syncUrl: string, roundTripMs: number): Promise<SlowLink> {
  const target = new URL(syncUrl);
  const sockets = new Set<Socket>();
  const delay = roundTripMs / 2;
  // chunks of one direction keep their order: timers of the same delay fire in the order they were set
  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, delay);
    });
    from.on('end', () => setTimeout(() => to.end(), delay));
  };
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      // a reset as the bench tears down is no failure of what it measured
      socket.on('error', () => socket.destroy());
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    syncUrl: `ws://127.0.0.1:${port}${target.pathname}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
