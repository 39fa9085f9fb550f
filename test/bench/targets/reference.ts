import { createServer } from 'node:http';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import type { StartedTarget } from './started-target.ts';
import { closeServer, listenOnFreePort } from './listen.ts';

/**
 * The reference server, wired as its own `bin` (src/server.js) does: an HTTP server whose upgrades a `noServer`
 * WebSocketServer takes and hands to `setupWSConnection`, which names the document after the URL path. The
 * WebSocketServer is our `ws` 8 rather than the `ws` 6 the package ships for its bin, so both servers use the
 * same socket library. No YPERSISTENCE: documents live in memory only.
 */
export async function startReference(): Promise<StartedTarget> {
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', setupWSConnection);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('okay');
  });
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      wss.emit('connection', ws, request);
    });
  });
  const port = await listenOnFreePort(server);
  return {
    httpUrl: `http://127.0.0.1:${port}`,
    serverUrl: `ws://127.0.0.1:${port}`,
    readiness: 'synced',
    notes: [
      'reference: @y/websocket-server 0.1.1 setupWSConnection, in memory (no persistence); echoes each update to its sender too',
    ],
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await closeServer(server);
      docs.clear();
    },
  };
}
