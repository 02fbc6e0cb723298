import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { badRequest, notFound, rateLimited } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { consumeRate } from '../security/rate-limit.ts';
import { readFormValues } from '../shared/read-form.ts';
import { leaveOrganization, removeMember, setMembershipRole } from './change-membership.command.ts';
import { decideMembership } from './decide-membership.command.ts';
import { joinForm, roleForm, userIdParam } from './membership.schema.ts';
import { findOrganization } from './organization.repo.ts';
import { loadOrganizationPage } from './organization-page.data.ts';
import { requestMembership } from './request-membership.command.ts';
import { OrganizationPage } from './views/organization-page.tsx';

/** The notice an organisation's page shows after each of its forms (`?done=`). */
export const organizationNotices: Record<string, string> = {
  verified: 'org.verify.done',
  requested: 'org.members.notice.requested',
  approved: 'org.members.notice.approved',
  declined: 'org.members.notice.declined',
  role: 'org.members.notice.role',
  removed: 'org.members.notice.removed',
  left: 'org.members.notice.left',
};

/** Requests to join one person may send in a day: enough for anyone, too few to flood admins' mailboxes. */
const joinsPerDay = { limit: 10, windowSeconds: 24 * 3600 };

/**
 * Membership of the directory's organisations: POST /organizations/{slug}/join (anyone signed
 * in, with a note), …/leave (a member, or a requester withdrawing), and for the organisation's
 * admins and the site's editors …/members/{userId}/approve (as member or admin), …/decline,
 * …/role and …/remove. Each answers with a 303 back to the organisation's page and a notice.
 */
export function membershipRoutes({ db, config }: Pick<AppDeps, 'db' | 'config'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const actor = (c: Context<AppEnv>) => {
    const account = signedInAccount(c);
    return { userId: account.userId, role: account.role, ip: clientAddress(c, config.TRUST_PROXY) };
  };
  const back = (c: Context<AppEnv>, done: keyof typeof organizationNotices) =>
    seeOther(c, `/organizations/${encodeURIComponent(c.req.param('slug') ?? '')}?done=${done}`);
  const memberId = (c: Context<AppEnv>) => {
    const id = userIdParam(c.req.param('userId') ?? '');
    if (id === undefined) throw notFound('no such member');
    return id;
  };
  const role = async (c: Context<AppEnv>) => {
    const form = roleForm.safeParse(await postedForm(c));
    if (!form.success) throw badRequest('role must be "member" or "admin"', [{ path: 'role', message: 'must be "member" or "admin"' }]);
    return form.data.role;
  };

  app.post('/organizations/:slug/join', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const org = await findOrganization(db, c.req.param('slug'));
    if (!org) throw notFound(`no organisation "${c.req.param('slug')}"`);
    const values = await postedForm(c);
    const form = readFormValues(joinForm, values, ['org.', 'form.'], 'org.members.note.invalid');
    if (!form.ok) {
      const data = await loadOrganizationPage(db, org, account, c.get('i18n').locale);
      return privatePage(c, <OrganizationPage {...data} join={{ note: String(values.note ?? ''), errors: form.errors }} />, 400);
    }
    if (!(await consumeRate(db, `org-join:user:${account.userId}`, joinsPerDay)).allowed) throw rateLimited('too many requests to join today');
    await requestMembership({ db, publicUrl: config.publicUrl }, org.slug, form.data.note, actor(c));
    return back(c, 'requested');
  });

  app.post('/organizations/:slug/leave', signedIn(), async (c) => {
    await leaveOrganization(db, c.req.param('slug'), actor(c));
    return back(c, 'left');
  });

  app.post('/organizations/:slug/members/:userId/approve', signedIn(), async (c) => {
    const userId = memberId(c);
    await decideMembership({ db, publicUrl: config.publicUrl }, c.req.param('slug'), userId, { outcome: 'approved', role: await role(c) }, actor(c));
    return back(c, 'approved');
  });

  app.post('/organizations/:slug/members/:userId/decline', signedIn(), async (c) => {
    const userId = memberId(c);
    await decideMembership({ db, publicUrl: config.publicUrl }, c.req.param('slug'), userId, { outcome: 'declined' }, actor(c));
    return back(c, 'declined');
  });

  app.post('/organizations/:slug/members/:userId/role', signedIn(), async (c) => {
    const userId = memberId(c);
    await setMembershipRole(db, c.req.param('slug'), userId, await role(c), actor(c));
    return back(c, 'role');
  });

  app.post('/organizations/:slug/members/:userId/remove', signedIn(), async (c) => {
    const userId = memberId(c);
    await removeMember(db, c.req.param('slug'), userId, actor(c));
    return back(c, 'removed');
  });

  return app;
}
