import { Hono, type MiddlewareHandler } from 'hono';
import { serverSecret } from '../accounts/server-secret.repo.ts';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { isEditor } from '../security/roles.ts';
import { follow, followOf, followsOf, silenceFrequency, unfollow } from './follow.repo.ts';
import { followForm, singleValues, unfollowForm } from './follow.schema.ts';
import { markRead, notificationsOf, unreadCount } from './notification.repo.ts';
import { readUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-token.ts';
import { FollowsPage } from './views/follows-page.tsx';
import { NotificationsPage } from './views/notifications-page.tsx';
import { UnsubscribePage } from './views/unsubscribe-page.tsx';
import './follow-jobs.ts';

const notificationsPerPage = 30;

/**
 * Loads the signed-in reader's unread count for the header's "Notifications" link and what they
 * follow for the pages' Follow forms (two indexed reads); mounted by the app right after the session.
 * @example app.use(unreadNotifications(deps));
 */
export function unreadNotifications({ db }: ContributionDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const account = c.get('account');
    if (account && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      const [unread, follows] = await Promise.all([unreadCount(db, account.userId), followsOf(db, account.userId)]);
      c.set('unreadNotifications', unread);
      c.set('following', new Map(follows.map((f) => [`${f.kind}:${f.target}`, f.frequency])));
    }
    await next();
  };
}

/** The person and what an unsubscribe token stops, or a 404 for a token this server did not make. */
async function scopeOf(deps: ContributionDeps, token: string): Promise<UnsubscribeScope> {
  const scope = readUnsubscribeToken(await serverSecret(deps.db, 'unsubscribe'), token);
  if (!scope) throw notFound('this unsubscribe link is not valid');
  return scope;
}

/**
 * Following and hearing: POST /follows and /follows/remove (from any page's Follow form), the
 * reader's follows at /account/follows, their notifications at /notifications, and the
 * one-click unsubscribe of every mail at /unsubscribe/{token} (RFC 8058: a POST without a
 * session or form token; the token itself is the proof).
 */
export function followRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const { db } = deps;
  const app = new Hono<AppEnv>();

  app.post('/follows', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const parsed = followForm.safeParse(singleValues(await postedForm(c)));
    if (!parsed.success)
      throw badRequest(
        'this is not something one can follow',
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    const f = parsed.data;
    if (f.kind === 'review' && !isEditor(account)) throw badRequest('only editors hear of submissions');
    // A group is followed by joining it (a moderated group's posts are for its members); here only how often changes.
    if (f.kind === 'group' && !(await followOf(db, account.userId, { kind: 'group', target: f.target })))
      throw badRequest('join the group to follow it', [{ path: 'target', message: 'join the group to follow it' }]);
    await follow(db, account.userId, { kind: f.kind, target: f.target }, f.frequency, f.label);
    return seeOther(c, withNotice(f.back, 'followed'));
  });

  app.post('/follows/remove', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const parsed = unfollowForm.safeParse(singleValues(await postedForm(c)));
    if (!parsed.success)
      throw badRequest(
        'this is not something one can follow',
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    await unfollow(db, account.userId, { kind: parsed.data.kind, target: parsed.data.target });
    return seeOther(c, withNotice(parsed.data.back, 'unfollowed'));
  });

  app.get('/account/follows', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const follows = await followsOf(db, account.userId);
    const notice = ['followed', 'unfollowed'].includes(c.req.query('done') ?? '') ? `follows.notice.${c.req.query('done')}` : undefined;
    return privatePage(c, <FollowsPage follows={follows} csrf={account.csrfToken} editor={isEditor(account)} notice={notice} />);
  });

  app.get('/notifications', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const page = Math.min(1000, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const { items, more } = await notificationsOf(db, account.userId, (page - 1) * notificationsPerPage, notificationsPerPage);
    return privatePage(c, <NotificationsPage items={items} page={page} more={more} unread={c.get('unreadNotifications') ?? 0} csrf={account.csrfToken} />);
  });

  app.post('/notifications/read', signedIn(), async (c) => {
    const account = signedInAccount(c);
    await markRead(db, account.userId);
    return seeOther(c, '/notifications');
  });

  app.get('/notifications/:id{[0-9]+}', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const id = c.req.param('id');
    if (id.length > 18) throw notFound('no such notification');
    const path = await markRead(db, account.userId, id);
    if (!path) throw notFound('no such notification');
    return seeOther(c, path);
  });

  app.get('/unsubscribe/:token', async (c) => {
    const scope = await scopeOf(deps, c.req.param('token'));
    const following =
      'follow' in scope ? (await followsOf(db, scope.user)).find((f) => f.kind === scope.follow.kind && f.target === scope.follow.target) : undefined;
    return renderPage(c, <UnsubscribePage scope={scope} label={following?.label ?? undefined} token={c.req.param('token')} />);
  });

  app.post('/unsubscribe/:token', async (c) => {
    const scope = await scopeOf(deps, c.req.param('token'));
    if ('digest' in scope) await silenceFrequency(db, scope.user, scope.digest);
    else await unfollow(db, scope.user, { kind: scope.follow.kind as never, target: scope.follow.target });
    return renderPage(c, <UnsubscribePage scope={scope} done token={c.req.param('token')} />);
  });

  return app;
}

/**
 * Where to go after a follow: the list of follows says what happened (`done=`); any other page
 * shows it in its Follow form, and gets no parameter it may not take.
 */
function withNotice(back: string, done: string): string {
  if (back !== '/account/follows') return back;
  return `${back}?done=${done}`;
}
