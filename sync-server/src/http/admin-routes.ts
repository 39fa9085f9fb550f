import { Hono } from 'hono';
import { accountChangeSchema, newAccountSchema } from '@concord/shared/auth/admin.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { AccountAdmin, AdminResult } from '../auth/account-admin.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { requireUser, type AuthEnv } from './auth-routes.ts';
import { HttpError, httpErrorCode } from './http-error.ts';

function answer(result: AdminResult) {
  if (result.ok) return result.account;
  switch (result.reason) {
    case 'not_found':
      throw new HttpError(404, httpErrorCode.notFound, result.message);
    case 'conflict':
      throw new HttpError(409, httpErrorCode.conflict, result.message);
    case 'invalid':
      throw new HttpError(400, httpErrorCode.badRequest, result.message);
  }
}

function problems(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`).join('; ');
}

/** `/api/admin/accounts`: the admin screen's API, for admins only (SPEC A-ACCT-1). */
export function adminRoutes(auth: AuthService, admin: AccountAdmin): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireUser(auth), async (c, next) => {
    if (c.get('user').role !== 'admin')
      throw new HttpError(403, httpErrorCode.forbidden, 'for administrators');
    await next();
  });

  routes.get('/accounts', async (c) => c.json({ accounts: await admin.list() }));

  routes.post('/accounts', async (c) => {
    const parsed = newAccountSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) throw new HttpError(400, httpErrorCode.badRequest, problems(parsed.error.issues));
    return c.json({ account: answer(await admin.create(parsed.data)) }, 201);
  });

  routes.patch('/accounts/:id', async (c) => {
    const parsed = accountChangeSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) throw new HttpError(400, httpErrorCode.badRequest, problems(parsed.error.issues));
    const id = c.req.param('id') as AccountId;
    if (
      id === c.get('user').id &&
      (parsed.data.disabled === true || (parsed.data.role ?? 'admin') !== 'admin')
    ) {
      // an administrator cannot lock themselves out by mistake
      throw new HttpError(
        400,
        httpErrorCode.badRequest,
        'you cannot disable yourself or give up your own admin role',
      );
    }
    return c.json({ account: answer(await admin.change(id, parsed.data)) });
  });

  return routes;
}
