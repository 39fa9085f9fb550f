import { Hono, type Context } from 'hono';
import { passwordChangeSchema } from '@concord/shared/auth/admin.ts';
import { loginRequestSchema } from '@concord/shared/auth/user.ts';
import type { AuthenticatedUser, AuthService } from '../auth/auth-service.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { HttpError, httpErrorCode } from './http-error.ts';

export type AuthEnv = { Variables: { user: AuthenticatedUser } };

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Middleware: the request runs as the person its bearer token belongs to, or is refused with 401. */
export function requireUser(auth: AuthService) {
  return async (c: Context<AuthEnv>, next: () => Promise<void>) => {
    const user = await auth.authenticate(bearerToken(c));
    if (!user) throw new HttpError(401, httpErrorCode.unauthorized, 'sign in first');
    c.set('user', user);
    await next();
  };
}

/** The address the request came from, when the server runs on a socket (not under `app.request`). */
export function clientAddress(c: Context): string {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return 'local';
  const incoming: unknown = env.incoming;
  if (typeof incoming !== 'object' || incoming === null || !('socket' in incoming)) return 'local';
  const socket: unknown = incoming.socket;
  if (typeof socket !== 'object' || socket === null || !('remoteAddress' in socket)) return 'local';
  return typeof socket.remoteAddress === 'string' ? socket.remoteAddress : 'local';
}

/** The request body as JSON, or a 400 in the one error shape. */
export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown;
  } catch (error) {
    throw new HttpError(400, httpErrorCode.badRequest, 'the body must be JSON', { cause: error });
  }
}

/** `POST /api/auth/login`, `/logout`, `/password`, `GET /api/auth/me` (SPEC A-AUTH-1, A-AUTH-4, A-AUTH-5). */
export function authRoutes(
  auth: AuthService,
  throttle: LoginThrottle,
  sessionsEnded: (sessionIds: readonly string[]) => void,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();

  routes.post('/login', async (c) => {
    const parsed = loginRequestSchema.safeParse(await jsonBody(c));
    if (!parsed.success) {
      throw new HttpError(400, httpErrorCode.badRequest, 'send {"username", "password"} as strings');
    }
    const keys = [`user:${parsed.data.username.toLowerCase()}`, `address:${clientAddress(c)}`];
    const wait = await throttle.retryAfter(keys);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new HttpError(429, httpErrorCode.tooManyRequests, `too many attempts; try again in ${wait} s`);
    }
    const session = await auth.login(parsed.data.username, parsed.data.password);
    // one answer for an unknown user and a wrong password, so nobody learns who has an account
    if (!session) {
      await throttle.failed(keys);
      throw new HttpError(401, httpErrorCode.unauthorized, 'wrong username or password');
    }
    await throttle.succeeded(keys.slice(0, 1));
    return c.json(session);
  });

  routes.post('/logout', requireUser(auth), async (c) => {
    const token = bearerToken(c);
    if (token) await auth.logout(token);
    sessionsEnded([c.get('user').sessionId]);
    return c.json({ ok: true });
  });

  routes.post('/password', requireUser(auth), async (c) => {
    const parsed = passwordChangeSchema.safeParse(await jsonBody(c));
    if (!parsed.success) {
      throw new HttpError(400, httpErrorCode.badRequest, 'the new password needs at least 8 characters');
    }
    const ended = await auth.changePassword(c.get('user'), parsed.data.current, parsed.data.next);
    if (ended === null) throw new HttpError(403, httpErrorCode.forbidden, 'the current password is wrong');
    sessionsEnded(ended);
    return c.json({ ok: true });
  });

  routes.get('/me', requireUser(auth), (c) => {
    const { sessionExpiresAt: _expires, sessionId: _session, ...user } = c.get('user');
    return c.json({ user });
  });

  return routes;
}
