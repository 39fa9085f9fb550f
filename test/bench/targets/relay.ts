import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StartedTarget } from './started-target.ts';
import { closeServer, listenOnFreePort } from './listen.ts';

/**
 * A y-websocket sync step 1 or 2 (message type 0, sync type 0 or 1). Forwarded to a whole room, every peer answers
 * every joiner's step 1 with a step 2 that again goes to everyone: about N^3/3 frames to fill a room of N (2.7
 * million for 200), which kept the relay busy for over a minute. So the relay drops the handshake, which it could
 * not take part in anyway, having no state; the clients start from empty documents, so nothing is lost.
 */
function isHandshake(frame: Buffer): boolean {
  return frame[0] === 0 && (frame[1] === 0 || frame[1] === 1);
}

/**
 * The ceiling: a WebSocket server that knows no Yjs and forwards every other binary frame (updates, awareness),
 * as received, to every other socket on the same URL path.
 */
export async function startRelay(): Promise<StartedTarget> {
  const rooms = new Map<string, Set<WebSocket>>();
  const server = createServer((_request, response) => {
    response.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, request) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    let room = rooms.get(path);
    if (!room) {
      room = new Set();
      rooms.set(path, room);
    }
    const members = room;
    members.add(ws);
    ws.on('message', (data, isBinary) => {
      if (!isBinary || !Buffer.isBuffer(data) || isHandshake(data)) return;
      for (const peer of members) if (peer !== ws && peer.readyState === peer.OPEN) peer.send(data);
    });
    ws.on('close', () => {
      members.delete(ws);
      if (members.size === 0) rooms.delete(path);
    });
  });
  const port = await listenOnFreePort(server);
  return {
    httpUrl: `http://127.0.0.1:${port}`,
    serverUrl: `ws://127.0.0.1:${port}`,
    readiness: 'connected',
    notes: [
      'relay: bare ws byte relay per URL path, no Yjs, no storage; drops sync steps 1 and 2 (see relay.ts), forwards the rest',
    ],
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await closeServer(server);
    },
  };
}
