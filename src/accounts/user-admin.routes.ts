import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { badRequest } from '../http/errors.ts';
import { requireAdminToken } from '../open-data/admin-auth.ts';
import { changeRole, createUserWithRole, roles, UserAdminError } from './user-admin.ts';

const role = z.enum(roles as [string, ...string[]]);
const createBody = z.object({ email: z.string().max(254), role, name: z.string().max(100).optional(), password: z.string().max(1000) });
const roleBody = z.object({ email: z.string().max(254), role });

/**
 * Endpoints for `clearinghouse user …` while this server holds the embedded data folder; only
 * with the admin token the server wrote for the local CLI (bearer, no cookies, so no CSRF).
 * @example await fetch(`${url}/internal/users`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
 */
export function userAdminRoutes({ db, adminToken }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/internal/users/*', requireAdminToken(adminToken));
  app.use('/internal/users', requireAdminToken(adminToken));

  /** Runs an operator's request; its refusals become 400 problem documents with the reason. */
  const run = async (work: () => Promise<unknown>) => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof UserAdminError) throw badRequest(e.message);
      throw e;
    }
  };

  app.post('/internal/users', async (c) => {
    const body = createBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) throw badRequest('expected { email, role, name?, password }');
    const id = await run(() => createUserWithRole(db, { ...body.data, role: body.data.role as 'member' }));
    return c.json({ id }, 201);
  });

  app.post('/internal/users/role', async (c) => {
    const body = roleBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) throw badRequest('expected { email, role }');
    await run(() => changeRole(db, body.data.email, body.data.role as 'member'));
    return c.json({ ok: true });
  });

  return app;
}
