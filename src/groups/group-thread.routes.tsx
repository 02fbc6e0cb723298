import { type Context, Hono } from 'hono';
import type { Database } from '../db/database.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { readStrictQuery } from '../http/strict-query.ts';
import { authorize } from '../security/authorize.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { consumeRate, type RateRule } from '../security/rate-limit.ts';
import { firstValue } from '../shared/form-values.ts';
import { groupPolicy } from './group.policy.ts';
import { groupNotices, groupPageQuery, readGroupForm, reasonForm, repliesPerPage, replyForm, threadForm } from './group.schema.ts';
import { actorOf, type GroupContext, groupContext, idParam } from './group-context.ts';
import { findPost, findThread, listReplies, replyPosition } from './group-thread.repo.ts';
import { reportPost } from './moderation.command.ts';
import { replyToThread, startThread, threadPath } from './post.command.ts';
import { NewThreadPage } from './views/new-thread-page.tsx';
import { type ThreadFailure, ThreadPage } from './views/thread-page.tsx';

/** Posts (threads and replies) a person may write: 10 in 10 minutes. */
export const postingRule: RateRule = { limit: 10, windowSeconds: 600 };
/** Reports a person may send: 20 an hour. */
const reportingRule: RateRule = { limit: 20, windowSeconds: 3600 };

/** The page of a thread where a post sits: the opening post and the first replies are on page 1. */
export async function pageOfPost(db: Database, post: { id: number; threadId: number; opening: boolean }): Promise<number> {
  if (post.opening) return 1;
  return Math.max(1, Math.ceil((await replyPosition(db, post.threadId, post.id)) / repliesPerPage));
}

/** What a thread page may add: a confirmation, a refused form, a refusal of the reply. */
export interface ThreadExtras {
  notice?: string;
  failed?: ThreadFailure;
  refusal?: string;
}

/**
 * Renders a thread's page for the reader (a 403 when they may not read the group, a 404 for a
 * thread of another group): private for a signed-in reader, public for a visitor.
 */
export async function showThread(
  db: Database,
  c: Context<AppEnv>,
  ctx: GroupContext,
  threadId: number,
  page: number,
  extras: ThreadExtras = {},
  status: 200 | 400 | 409 | 429 = 200,
) {
  authorize(ctx.account, groupPolicy.read, ctx.access);
  const thread = await findThread(db, ctx.group.id, threadId);
  if (!thread) throw notFound(`no thread ${threadId} in "${ctx.group.slug}"`);
  const pages = Math.max(1, Math.ceil(thread.replies / repliesPerPage));
  if (page > pages) throw notFound(`the thread has ${pages} pages`);
  const replies = await listReplies(db, thread.id, (page - 1) * repliesPerPage, repliesPerPage);
  const view = <ThreadPage group={ctx.group} thread={thread} replies={replies} page={page} viewer={ctx.viewer} {...extras} />;
  return ctx.account ? privatePage(c, view, status) : renderPage(c, view, status);
}

/** Counts one post (or report) against the person's limit; false when it is over. */
async function withinLimit(db: Database, key: string, rule: RateRule): Promise<boolean> {
  return (await consumeRate(db, key, rule)).allowed;
}

/**
 * Discussions: GET /groups/{slug}/threads/new and POST /groups/{slug}/threads (members start a
 * thread), GET /groups/{slug}/threads/{id} (paged replies), POST …/threads/{id}/replies
 * (members, not in a locked thread: 409), POST /groups/{slug}/posts/{id}/report (members).
 * Posting is limited to 10 posts in 10 minutes per person (429, with what was typed kept).
 */
export function groupThreadRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/groups/:slug/threads/new', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const { group, access } = await groupContext(db, c);
    authorize(account, groupPolicy.post, access);
    return privatePage(c, <NewThreadPage group={group} csrf={account.csrfToken} />);
  });

  app.post('/groups/:slug/threads', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const { group, access } = await groupContext(db, c);
    authorize(account, groupPolicy.post, access);
    const values = await postedForm(c);
    const typed = { title: firstValue(values.title), body: firstValue(values.body) };
    const form = readGroupForm(threadForm, values);
    if (!form.ok) return privatePage(c, <NewThreadPage group={group} csrf={account.csrfToken} values={typed} errors={form.errors} />, 400);
    if (!(await withinLimit(db, `group-post:${account.userId}`, postingRule)))
      return privatePage(c, <NewThreadPage group={group} csrf={account.csrfToken} values={typed} refusal="groups.error.rate_limited" />, 429);
    const id = await startThread(db, access, actorOf(account, c, config.TRUST_PROXY), form.data);
    return seeOther(c, threadPath(group.slug, id));
  });

  app.get('/groups/:slug/threads/:id', async (c) => {
    const query = readStrictQuery(groupPageQuery, new URL(c.req.url).searchParams);
    const ctx = await groupContext(db, c);
    return showThread(db, c, ctx, idParam(c, 'id'), query.page, { notice: query.done && groupNotices[query.done] });
  });

  app.post('/groups/:slug/threads/:id/replies', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const ctx = await groupContext(db, c);
    authorize(account, groupPolicy.post, ctx.access);
    const thread = await findThread(db, ctx.group.id, idParam(c, 'id'));
    if (!thread) throw notFound();
    const values = await postedForm(c);
    const lastPage = Math.max(1, Math.ceil(thread.replies / repliesPerPage));
    const again = (extras: ThreadExtras, status: 400 | 409 | 429) => showThread(db, c, ctx, thread.id, lastPage, extras, status);
    const typed = firstValue(values.body) ?? '';
    const form = readGroupForm(replyForm, values);
    if (!form.ok) return again({ failed: { form: 'reply', value: typed, error: form.errors.body ?? 'groups.error.invalid' } }, 400);
    if (thread.locked) return again({ refusal: 'groups.error.locked' }, 409);
    if (!(await withinLimit(db, `group-post:${account.userId}`, postingRule)))
      return again({ failed: { form: 'reply', value: typed }, refusal: 'groups.error.rate_limited' }, 429);
    try {
      const postId = await replyToThread(db, ctx.access, thread, actorOf(account, c, config.TRUST_PROXY), form.data.body);
      const page = await pageOfPost(db, { id: postId, threadId: thread.id, opening: false });
      return seeOther(c, `${threadPath(ctx.group.slug, thread.id)}${page > 1 ? `?page=${page}` : ''}#post-${postId}`);
    } catch (error) {
      // Locked while the reply was on its way.
      if (error instanceof AppError && error.code === 'conflict')
        return showThread(db, c, await groupContext(db, c), thread.id, lastPage, { refusal: 'groups.error.locked' }, 409);
      throw error;
    }
  });

  app.post('/groups/:slug/posts/:postId/report', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const ctx = await groupContext(db, c);
    authorize(account, groupPolicy.post, ctx.access);
    const post = await findPost(db, ctx.group.id, idParam(c, 'postId'));
    if (!post) throw notFound();
    if (post.authorId === account.userId) throw forbidden('one does not report one’s own post');
    const values = await postedForm(c);
    const form = readGroupForm(reasonForm, values);
    const page = await pageOfPost(db, post);
    if (!form.ok) {
      const failed: ThreadFailure = {
        form: 'report',
        postId: post.id,
        value: firstValue(values.reason) ?? '',
        error: form.errors.reason ?? 'groups.error.invalid',
      };
      return showThread(db, c, ctx, post.threadId, page, { failed }, 400);
    }
    if (!(await withinLimit(db, `group-report:${account.userId}`, reportingRule))) {
      const failed: ThreadFailure = { form: 'report', postId: post.id, value: form.data.reason, error: 'groups.error.rate_limited' };
      return showThread(db, c, ctx, post.threadId, page, { failed }, 429);
    }
    await reportPost(db, ctx.access, actorOf(account, c, config.TRUST_PROXY), post.id, form.data.reason);
    return seeOther(c, `${threadPath(ctx.group.slug, post.threadId)}?${page > 1 ? `page=${page}&` : ''}done=reported#post-${post.id}`);
  });

  return app;
}
