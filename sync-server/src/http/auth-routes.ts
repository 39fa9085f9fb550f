import { Hono, type Context } from 'hono';
import { loginRequestSchema } from '@concord/shared/auth/user.ts';
import type { AuthenticatedUser, AuthService } from '../auth/auth-service.ts';
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

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me` (SPEC A-AUTH-1). */
export function authRoutes(auth: AuthService): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();

  routes.post('/login', async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new HttpError(400, httpErrorCode.badRequest, 'the body must be JSON');
    });
    const parsed = loginRequestSchema.safeParse(body);
    if (!parsed.success) {
      throw new HttpError(400, httpErrorCode.badRequest, 'send {"username", "password"} as strings');
    }
    const session = await auth.login(parsed.data.username, parsed.data.password);
    // one answer for an unknown user and a wrong password, so nobody learns who has an account
    if (!session) throw new HttpError(401, httpErrorCode.unauthorized, 'wrong username or password');
    return c.json(session);
  });

  routes.post('/logout', requireUser(auth), async (c) => {
    const token = bearerToken(c);
    if (token) await auth.logout(token);
    return c.json({ ok: true });
  });

  routes.get('/me', requireUser(auth), (c) => {
    const { sessionExpiresAt: _expires, ...user } = c.get('user');
    return c.json({ user });
  });

  return routes;
}
