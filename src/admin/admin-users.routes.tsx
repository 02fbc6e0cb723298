import { type Context, Hono } from 'hono';
import { listUsers, userPageSize } from '../accounts/user.repo.ts';
import type { AccountState } from '../db/schema.ts';
import type { AppDeps, AppEnv, SessionAccount } from '../http/app-env.ts';
import { privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { adminRoles } from '../security/roles.ts';
import type { GrantOutcome } from '../self-assessment/grant-representative.command.ts';
import { citiesRepresentedBy } from '../self-assessment/representative.repo.ts';
import { withUnstorableReplaced } from '../shared/storable-text.ts';
import { cityForm, roleForm, userId, userQuery } from './admin.schema.ts';
import { type AdminRefusal, setUserCity, setUserRole, setUserState } from './user-admin.service.ts';
import { type CityFieldError, UsersPage } from './views/users-page.tsx';

const notices: Record<string, string> = {
  role: 'admin.users.done.role',
  disabled: 'admin.users.done.disabled',
  enabled: 'admin.users.done.enabled',
  city_granted: 'admin.representatives.done.granted',
  city_already: 'admin.representatives.done.already',
  city_revoked: 'admin.representatives.done.revoked',
  city_not: 'admin.representatives.done.not',
};

/** The notice (`done=`) after a city was added or removed. */
const cityDone: Record<GrantOutcome, string> = {
  granted: 'city_granted',
  'already-representative': 'city_already',
  revoked: 'city_revoked',
  'not-representative': 'city_not',
};

/** /admin/users: the user list, and the role and disable / enable actions (admins only). */
export function adminUserRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The list page, for the GET and for a refused POST (status 400 with the reason). */
  const listPage = async (c: Context<AppEnv>, account: SessionAccount, query: Record<string, string>, error?: string, cityError?: CityFieldError) => {
    const filters = userQuery.parse(query);
    const { rows, total } = await listUsers(db, filters);
    const ids = rows.map((u) => u.id);
    const cities = await citiesRepresentedBy(db, ids);
    const notice = error || cityError ? undefined : notices[query.done ?? ''];
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
        cities={cities}
        cityError={cityError}
      />
    );
    return privatePage(c, page, error || cityError ? 400 : 200);
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
  // Adds a city the user represents, or removes one; a refusal shows next to that user's city field, with what was typed.
  app.post('/admin/users/:id/cities', role(...adminRoles), async (c) => {
    const account = signedInAccount(c);
    const id = userId.safeParse(c.req.param('id'));
    if (!id.success) return listPage(c, account, {}, 'admin.users.error.not_found');
    const body = await c.req.parseBody();
    const refused = (message: string) =>
      listPage(c, account, {}, undefined, { userId: id.data, value: typeof body.city === 'string' ? withUnstorableReplaced(body.city) : '', message });
    const form = cityForm.safeParse(body);
    if (!form.success) return refused(form.error.issues[0]?.path[0] === 'intent' ? 'admin.representatives.error.intent' : 'admin.representatives.error.format');
    const result = await setUserCity(db, { ...actor(c, account), role: account.role }, id.data, form.data.city, form.data.intent);
    if ('refusal' in result) return result.refusal === 'admin.users.error.not_found' ? listPage(c, account, {}, result.refusal) : refused(result.refusal);
    return seeOther(c, `/admin/users?done=${cityDone[result.outcome]}`);
  });
  app.post('/admin/users/:id/disable', role(...adminRoles), stateChange('disabled', 'disabled'));
  app.post('/admin/users/:id/enable', role(...adminRoles), stateChange('active', 'enabled'));

  return app;
}
