import type { WebSocketLike } from '@hono/node-server';
import type { WSEvents, WSMessageReceive } from 'hono/ws';
import type { CloseCode } from '@concord/shared/sync/close-codes.ts';
import type { SessionRequest, SyncSession } from '../sync/session.ts';
import type { SyncHub } from '../sync/sync-hub.ts';

/** Binds one upgraded socket to a sync session. */
export function syncSocketHandlers(hub: SyncHub, request: SessionRequest): WSEvents<WebSocketLike> {
  let session: SyncSession | null = null;
  return {
    onOpen(_event, ws) {
      // the raw ws socket takes any byte view, so frames go out without a copy
      const raw = ws.raw;
      if (!raw) throw new Error('upgraded socket without its ws instance');
      session = hub.open(request, {
        send: (frame) => raw.send(frame),
        close: (code, reason) => ws.close(code, reason),
      });
    },
    // hono types the event as the DOM's MessageEvent, which a server without the DOM lib does not have
    onMessage(event: { data: WSMessageReceive }, _ws) {
      if (!session) return;
      const data = event.data;
      if (data instanceof ArrayBuffer) session.receive(new Uint8Array(data));
      else session.receiveText();
    },
    onClose(event) {
      if (session) hub.closed(session, event.code);
    },
  };
}

/** A socket that is closed as soon as it opens, with `code`, having sent nothing. */
export function refusedSocketHandlers(code: CloseCode, reason: string): WSEvents<WebSocketLike> {
  return {
    onOpen(_event, ws) {
      ws.close(code, reason);
    },
  };
}
