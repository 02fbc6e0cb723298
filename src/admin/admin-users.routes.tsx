import { type Context, Hono } from 'hono';
import { listUsers, userPageSize } from '../accounts/user.repo.ts';
import type { AccountState } from '../db/schema.ts';
import type { AppDeps, AppEnv, SessionAccount } from '../http/app-env.ts';
import { privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { adminRoles } from '../security/roles.ts';
import { roleForm, userId, userQuery } from './admin.schema.ts';
import { type AdminRefusal, setUserRole, setUserState } from './user-admin.service.ts';
import { UsersPage } from './views/users-page.tsx';

const notices: Record<string, string> = { role: 'admin.users.done.role', disabled: 'admin.users.done.disabled', enabled: 'admin.users.done.enabled' };

/** /admin/users: the user list, and the role and disable / enable actions (admins only). */
export function adminUserRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The list page, for the GET and for a refused POST (status 400 with the reason). */
  const listPage = async (c: Context<AppEnv>, account: SessionAccount, query: Record<string, string>, error?: string) => {
    const filters = userQuery.parse(query);
    const { rows, total } = await listUsers(db, filters);
    const notice = error ? undefined : notices[query.done ?? ''];
    const page = (
      <UsersPage
        rows={rows}
        total={total}
        pageSize={userPageSize}
        filters={filters}
        csrf={account.csrfToken}
        selfId={account.userId}
        notice={notice}
        error={error}
      />
    );
    return privatePage(c, page, error ? 400 : 200);
  };

  /** Runs one admin change (behind the admin guard) on the user in the path; a refusal re-renders the list with its message. */
  const change = async (c: Context<AppEnv>, work: (account: SessionAccount, id: number) => Promise<AdminRefusal>, done: string) => {
    const account = signedInAccount(c);
    const id = userId.safeParse(c.req.param('id'));
    const refusal = id.success ? await work(account, id.data) : 'admin.users.error.not_found';
    if (refusal) return listPage(c, account, {}, refusal);
    return seeOther(c, `/admin/users?done=${done}`);
  };
  const actor = (c: Context<AppEnv>, account: SessionAccount) => ({ userId: account.userId, ip: clientAddress(c, config.TRUST_PROXY) });
  const stateChange = (state: AccountState, done: string) => (c: Context<AppEnv>) =>
    change(c, (account, id) => setUserState(db, actor(c, account), id, state), done);

  app.get('/admin/users', role(...adminRoles), async (c) => {
    const account = signedInAccount(c);
    return listPage(c, account, c.req.query());
  });

  app.post('/admin/users/:id/role', role(...adminRoles), (c) =>
    change(
      c,
      async (account, id) => {
        const form = roleForm.safeParse(await c.req.parseBody());
        if (!form.success) return 'admin.users.error.role' as AdminRefusal;
        return setUserRole(db, actor(c, account), id, form.data.role);
      },
      'role',
    ),
  );
  app.post('/admin/users/:id/disable', role(...adminRoles), stateChange('disabled', 'disabled'));
  app.post('/admin/users/:id/enable', role(...adminRoles), stateChange('active', 'enabled'));

  return app;
}
