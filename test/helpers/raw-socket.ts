import WebSocket from 'ws';
import { serverTokens } from './test-server.ts';

export interface RawSocket {
  ws: WebSocket;
  /** Binary frames received so far. */
  frames: Uint8Array[];
  opened: Promise<void>;
  /** Settles with the close code and reason the server sent. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first frame, or right away if one came already. */
  firstFrame(): Promise<Uint8Array>;
  /** Resolves with the first frame, received already or later, for which `match` holds. */
  frameWhere(match: (frame: Uint8Array) => boolean): Promise<Uint8Array>;
}

/**
 * Adds the test server's admin token to a socket URL that has none, so a test about frames need not sign in;
 * a test about sign-in passes its own `token=` (or `token=` empty).
 */
export function withTestToken(url: string): string {
  const parsed = new URL(url);
  if (parsed.searchParams.has('token')) return url;
  // `/sync/<name>` or the multiplexed `/sync` itself
  const base = `${parsed.origin}${parsed.pathname.slice(0, parsed.pathname.lastIndexOf('/'))}`;
  const token = serverTokens.get(base) ?? serverTokens.get(`${parsed.origin}${parsed.pathname}`);
  if (token) parsed.searchParams.set('token', token);
  return parsed.href;
}

/** A bare WebSocket for sending what no well-behaved client would. */
export function rawSocket(url: string): RawSocket {
  const ws = new WebSocket(withTestToken(url));
  const frames: Uint8Array[] = [];
  const waiting: ((frame: Uint8Array) => void)[] = [];
  const watchers = new Set<(frame: Uint8Array) => void>();
  ws.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data);
    frames.push(frame);
    for (const resolve of waiting.splice(0)) resolve(frame);
    for (const watch of watchers) watch(frame);
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return {
    ws,
    frames,
    opened,
    closed,
    firstFrame: () => {
      const first = frames[0];
      return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
    },
    frameWhere: (match) => {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const watch = (frame: Uint8Array) => {
          if (!match(frame)) return;
          watchers.delete(watch);
          resolve(frame);
        };
        watchers.add(watch);
      });
    },
  };
}

/** The HTTP status with which the server refused an upgrade. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(withTestToken(url));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', () => {
      // 'unexpected-response' has answered already; the error that follows the terminate says nothing new
    });
  });
}
