import { type Context, Hono } from 'hono';
import type { Database } from '../db/database.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { readStrictQuery } from '../http/strict-query.ts';
import { authorize, can } from '../security/authorize.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { firstValue } from '../shared/form-values.ts';
import { groupPolicy } from './group.policy.ts';
import { listGroupPeople } from './group.repo.ts';
import { flagForm, groupNotices, moderationQuery, readGroupForm, reasonForm, reportsPerPage, roleForm } from './group.schema.ts';
import { actorOf, type GroupContext, groupContext, idParam } from './group-context.ts';
import { listReports, openReportCount } from './group-report.repo.ts';
import { findPost, findThread } from './group-thread.repo.ts';
import { pageOfPost, showThread } from './group-thread.routes.tsx';
import { changeMemberRole, decideRequest, removeMember } from './membership.command.ts';
import { flagThread, hidePost, resolveGroupReport } from './moderation.command.ts';
import { threadPath } from './post.command.ts';
import { type ModerationFailure, ModerationPage } from './views/moderation-page.tsx';

/** Most people the moderation page lists (pending requests first). */
const maxPeopleListed = 500;

/** Renders the moderation queue for a moderator (a 403 for anyone else). */
async function showQueue(
  db: Database,
  c: Context<AppEnv>,
  ctx: GroupContext,
  extras: { notice?: string; failed?: ModerationFailure } = {},
  status: 200 | 400 = 200,
) {
  const account = signedInAccount(c);
  authorize(account, groupPolicy.moderate, ctx.access);
  const query = readStrictQuery(moderationQuery, new URL(c.req.url).searchParams);
  const [reports, openCount, people] = await Promise.all([
    listReports(db, ctx.group.id, query.state, (query.page - 1) * reportsPerPage, reportsPerPage),
    openReportCount(db, ctx.group.id),
    listGroupPeople(db, ctx.group.id, maxPeopleListed),
  ]);
  return privatePage(
    c,
    <ModerationPage
      group={ctx.group}
      query={query}
      reports={reports}
      openCount={openCount}
      people={people}
      csrf={account.csrfToken}
      managesModerators={can(account, groupPolicy.manageModerators)}
      notice={extras.notice}
      failed={extras.failed}
    />,
    status,
  );
}

/** Reads a required on/off field (pin, lock); a 400 for anything else (a hidden field never sends it). */
async function flagValue(c: Context<AppEnv>): Promise<boolean> {
  const form = readGroupForm(flagForm, await postedForm(c));
  if (!form.ok) throw badRequest('value must be "yes" or "no"', [{ path: 'value', message: 'must be "yes" or "no"' }]);
  return form.data.value === 'yes';
}

/**
 * Moderation, for the group's moderators and the site's editors (403 for anyone else): the
 * queue GET /groups/{slug}/moderation; pin and lock a thread; hide a post with a reason (or
 * show it again); resolve a report; approve or decline a request to join; make a member a
 * moderator (or back); remove a member with a reason. Every change is audited.
 */
export function groupModerationRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const actor = (c: Context<AppEnv>) => actorOf(signedInAccount(c), c, config.TRUST_PROXY);
  const back = (c: Context<AppEnv>, ctx: GroupContext, done: keyof typeof groupNotices) => seeOther(c, `/groups/${ctx.group.slug}/moderation?done=${done}`);

  app.get('/groups/:slug/moderation', signedIn(), async (c) => {
    const ctx = await groupContext(db, c);
    const done = readStrictQuery(moderationQuery, new URL(c.req.url).searchParams).done;
    return showQueue(db, c, ctx, { notice: done && groupNotices[done] });
  });

  for (const flag of ['pinned', 'locked'] as const) {
    app.post(`/groups/:slug/threads/:id/${flag === 'pinned' ? 'pin' : 'lock'}`, signedIn(), async (c) => {
      const ctx = await groupContext(db, c);
      authorize(signedInAccount(c), groupPolicy.moderate, ctx.access);
      const thread = await findThread(db, ctx.group.id, idParam(c, 'id'));
      if (!thread) throw notFound();
      const value = await flagValue(c);
      await flagThread(db, ctx.access, actor(c), thread.id, flag, value);
      const done = flag === 'pinned' ? (value ? 'pinned' : 'unpinned') : value ? 'locked' : 'unlocked';
      return seeOther(c, `${threadPath(ctx.group.slug, thread.id)}?done=${done}`);
    });
  }

  app.post('/groups/:slug/posts/:postId/hide', signedIn(), async (c) => {
    const ctx = await groupContext(db, c);
    authorize(signedInAccount(c), groupPolicy.moderate, ctx.access);
    const post = await findPost(db, ctx.group.id, idParam(c, 'postId'));
    if (!post) throw notFound();
    const values = await postedForm(c);
    const fromQueue = firstValue(values.from) === 'moderation';
    const form = readGroupForm(reasonForm, values);
    if (!form.ok) {
      const failed = { form: 'hide' as const, value: firstValue(values.reason) ?? '', error: form.errors.reason ?? 'groups.error.invalid' };
      if (fromQueue) return showQueue(db, c, ctx, { failed: { ...failed, id: post.id } }, 400);
      return showThread(db, c, ctx, post.threadId, await pageOfPost(db, post), { failed: { ...failed, postId: post.id } }, 400);
    }
    await hidePost(db, ctx.access, actor(c), post.id, form.data.reason);
    if (fromQueue) return back(c, ctx, 'hidden');
    const page = await pageOfPost(db, post);
    return seeOther(c, `${threadPath(ctx.group.slug, post.threadId)}?${page > 1 ? `page=${page}&` : ''}done=hidden#post-${post.id}`);
  });

  app.post('/groups/:slug/posts/:postId/unhide', signedIn(), async (c) => {
    const ctx = await groupContext(db, c);
    authorize(signedInAccount(c), groupPolicy.moderate, ctx.access);
    const post = await findPost(db, ctx.group.id, idParam(c, 'postId'));
    if (!post) throw notFound();
    await hidePost(db, ctx.access, actor(c), post.id, null);
    const page = await pageOfPost(db, post);
    return seeOther(c, `${threadPath(ctx.group.slug, post.threadId)}?${page > 1 ? `page=${page}&` : ''}done=shown#post-${post.id}`);
  });

  app.post('/groups/:slug/reports/:id/resolve', signedIn(), async (c) => {
    const ctx = await groupContext(db, c);
    await resolveGroupReport(db, ctx.access, actor(c), idParam(c, 'id'));
    return back(c, ctx, 'resolved');
  });

  for (const decision of ['approve', 'decline'] as const) {
    app.post(`/groups/:slug/requests/:userId/${decision}`, signedIn(), async (c) => {
      const ctx = await groupContext(db, c);
      await decideRequest(db, ctx.access, actor(c), idParam(c, 'userId'), decision === 'approve');
      return back(c, ctx, decision === 'approve' ? 'approved' : 'declined');
    });
  }

  app.post('/groups/:slug/members/:userId/role', signedIn(), async (c) => {
    const ctx = await groupContext(db, c);
    authorize(signedInAccount(c), groupPolicy.moderate, ctx.access);
    const form = readGroupForm(roleForm, await postedForm(c));
    if (!form.ok) throw badRequest('role must be "member" or "moderator"', [{ path: 'role', message: 'must be "member" or "moderator"' }]);
    await changeMemberRole(db, ctx.access, actor(c), idParam(c, 'userId'), form.data.role);
    return back(c, ctx, 'role');
  });

  app.post('/groups/:slug/members/:userId/remove', signedIn(), async (c) => {
    const ctx = await groupContext(db, c);
    authorize(signedInAccount(c), groupPolicy.moderate, ctx.access);
    const userId = idParam(c, 'userId');
    const values = await postedForm(c);
    const form = readGroupForm(reasonForm, values);
    if (!form.ok)
      return showQueue(
        db,
        c,
        ctx,
        { failed: { form: 'remove', id: userId, value: firstValue(values.reason) ?? '', error: form.errors.reason ?? 'groups.error.invalid' } },
        400,
      );
    await removeMember(db, ctx.access, actor(c), userId, form.data.reason);
    return back(c, ctx, 'removed');
  });

  return app;
}
