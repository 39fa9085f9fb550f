import { randomUUID } from 'node:crypto';
import type { WebSocketLike } from '@hono/node-server';
import type { WSEvents, WSMessageReceive } from 'hono/ws';
import type { AuthenticatedUser } from '../auth/auth-service.ts';
import { errorFields, type Logger } from '../logger.ts';
import { MuxConnection } from '../sync/mux-connection.ts';
import type { SyncHub } from '../sync/sync-hub.ts';
import { fitCloseReason } from './sync-socket.ts';

/** Binds one upgraded `/sync` socket to a multiplexed connection (SPEC S-MUX-1). */
export function muxSocketHandlers(
  hub: SyncHub,
  user: AuthenticatedUser,
  logger: Logger,
): WSEvents<WebSocketLike> {
  let connection: MuxConnection | null = null;
  return {
    onOpen(_event, ws) {
      const raw = ws.raw;
      if (!raw) throw new Error('upgraded socket without its ws instance');
      const id = randomUUID();
      connection = new MuxConnection({
        id,
        hub,
        user,
        logger,
        transport: {
          send: (message) => raw.send(message),
          close: (code, reason) => ws.close(code, fitCloseReason(reason)),
        },
      });
      logger.info('mux socket opened', { session: id, user: user.username });
      // ws closes a socket itself on a message past maxPayload (1009) and says why only here (SPEC S-WIRE-4)
      raw.on('error', (error) => {
        logger.warn('mux socket error', { ...errorFields(error), session: id, user: user.username });
      });
    },
    onMessage(event: { data: WSMessageReceive }) {
      if (!connection) return;
      const data = event.data;
      if (data instanceof ArrayBuffer) connection.receive(new Uint8Array(data));
      else connection.receiveText();
    },
    onClose(event) {
      if (!connection) return;
      connection.transportClosed(event.code);
      logger.info('mux socket closed', { session: connection.id, code: event.code });
    },
  };
}
