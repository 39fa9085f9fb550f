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
      const opened = hub.open(request, {
        send: (frame) => raw.send(frame),
        close: (code, reason) => ws.close(code, fitCloseReason(reason)),
      });
      session = opened;
      // ws closes a socket itself on a frame past maxPayload (1009) and says why only here (SPEC S-WIRE-4)
      raw.on('error', (error) => {
        hub.socketFailed(opened, error);
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

/** The most UTF-8 bytes a WebSocket close frame has room for (RFC 6455, 5.5.1); `ws` throws past it. */
export const maxCloseReasonBytes = 123;

/**
 * Shortens a close reason to what a close frame holds, cutting between characters. Reasons quote decoder errors,
 * and a JSON error quotes the client's own bytes: unshortened, a long one made `ws.close` throw and left the
 * socket open (SPEC S-WIRE-2). The full reason is in the log line.
 */
export function fitCloseReason(reason: string): string {
  if (Buffer.byteLength(reason) <= maxCloseReasonBytes) return reason;
  const ellipsis = '…';
  let room = maxCloseReasonBytes - Buffer.byteLength(ellipsis);
  let fitted = '';
  for (const char of reason) {
    room -= Buffer.byteLength(char);
    if (room < 0) break;
    fitted += char;
  }
  return fitted + ellipsis;
}
