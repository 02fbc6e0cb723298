import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { readStrictQuery } from '../http/strict-query.ts';
import { authorize, can } from '../security/authorize.ts';
import { role, signedIn, signedInAccount } from '../security/guards.ts';
import { createGroup } from './create-group.command.ts';
import { groupPolicy } from './group.policy.ts';
import { listGroups } from './group.repo.ts';
import { groupForm, groupListQuery, groupNotices, groupPageQuery, groupsPerPage, joinForm, readGroupForm, threadsPerPage } from './group.schema.ts';
import { actorOf, groupContext } from './group-context.ts';
import { openReportCount } from './group-report.repo.ts';
import { listThreads } from './group-thread.repo.ts';
import { joinGroup, leaveGroup } from './membership.command.ts';
import { GroupFormPage } from './views/group-form-page.tsx';
import { GroupListPage } from './views/group-list-page.tsx';
import { GroupPage } from './views/group-page.tsx';

/**
 * Thematic groups: GET /groups (filtered by theme), GET and POST /groups/new → /groups (editors
 * create one), GET /groups/{slug} (its threads where the reader may read them), and joining and
 * leaving (POST /groups/{slug}/join, /leave). Pages of a signed-in reader are private (they hold
 * forms); an anonymous visitor's are public and kept per site version.
 */
export function groupRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/groups', async (c) => {
    const query = readStrictQuery(groupListQuery, new URL(c.req.url).searchParams);
    const { items, total } = await listGroups(db, query, (query.page - 1) * groupsPerPage, groupsPerPage);
    const account = c.get('account');
    const page = <GroupListPage items={items} total={total} query={query} canCreate={can(account, groupPolicy.create)} />;
    return account ? privatePage(c, page) : renderPage(c, page);
  });

  app.get('/groups/new', role('editor', 'admin'), (c) => privatePage(c, <GroupFormPage csrf={signedInAccount(c).csrfToken} />));

  app.post('/groups', role('editor', 'admin'), async (c) => {
    const account = signedInAccount(c);
    const values = await postedForm(c);
    const form = readGroupForm(groupForm, values);
    if (!form.ok) return privatePage(c, <GroupFormPage csrf={account.csrfToken} values={values} errors={form.errors} />, 400);
    try {
      const slug = await createGroup(db, form.data, actorOf(account, c, config.TRUST_PROXY));
      return seeOther(c, `/groups/${slug}?done=created`);
    } catch (error) {
      // A slug already taken: the form again, with the message next to the field.
      if (!(error instanceof AppError && error.code === 'bad_request' && error.fields)) throw error;
      const errors = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
      return privatePage(c, <GroupFormPage csrf={account.csrfToken} values={values} errors={errors} />, 400);
    }
  });

  app.get('/groups/:slug', async (c) => {
    const query = readStrictQuery(groupPageQuery, new URL(c.req.url).searchParams);
    const { group, access, account, viewer } = await groupContext(db, c);
    const readable = can(account, groupPolicy.read, access);
    const [threads, openReports] = await Promise.all([
      readable ? listThreads(db, group.id, (query.page - 1) * threadsPerPage, threadsPerPage) : undefined,
      viewer.moderator ? openReportCount(db, group.id) : undefined,
    ]);
    const page = (
      <GroupPage
        group={group}
        viewer={viewer}
        threads={threads && { ...threads, page: query.page }}
        openReports={openReports}
        notice={query.done && groupNotices[query.done]}
      />
    );
    return account ? privatePage(c, page) : renderPage(c, page);
  });

  app.post('/groups/:slug/join', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const { group, access } = await groupContext(db, c);
    if (!access.membership) authorize(account, groupPolicy.join, access);
    const form = readGroupForm(joinForm, await postedForm(c));
    // A select of three choices: another value never comes from the page.
    if (!form.ok) throw badRequest('frequency must be "immediate", "daily" or "weekly"', [{ path: 'frequency', message: 'is not a choice' }]);
    const outcome = await joinGroup(db, access, actorOf(account, c, config.TRUST_PROXY), form.data.frequency);
    return seeOther(c, `/groups/${group.slug}?done=${outcome}`);
  });

  app.post('/groups/:slug/leave', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const { group, access } = await groupContext(db, c);
    await leaveGroup(db, access, actorOf(account, c, config.TRUST_PROXY));
    return seeOther(c, `/groups/${group.slug}?done=left`);
  });

  return app;
}
