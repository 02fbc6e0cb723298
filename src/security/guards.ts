import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../db/schema.ts';
import type { AppEnv, SessionAccount } from '../http/app-env.ts';
import { forbidden } from '../http/errors.ts';
import { localizedPath } from '../i18n/locale-routing.ts';

/**
 * The 303 to the sign-in page, in the page's language, that comes back to this page afterwards
 * (a GET keeps its query; a POST comes back to its page, whose form is then shown again).
 */
function signInFirst(c: Context<AppEnv>): Response {
  c.header('cache-control', 'no-store');
  // c.req.path has no language prefix; the sign-in page puts it back when it redirects.
  const back = c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : c.req.path;
  return c.redirect(`${localizedPath('/login', c.get('i18n').locale)}?next=${encodeURIComponent(back)}`, 303);
}

/**
 * Route guard: lets signed-in people through; anonymous visitors get a 303 to sign in.
 * Read the account in the handler with signedInAccount(c).
 * @example app.get('/my/submissions', signedIn(), (c) => list(signedInAccount(c)));
 */
export function signedIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('account')) return signInFirst(c);
    await next();
  };
}

/**
 * Route guard: lets through signed-in people whose role is one of `roles`; anonymous visitors
 * get a 303 to sign in, anyone else the 403 page.
 * @example app.get('/review', role('editor', 'admin'), (c) => queue(signedInAccount(c)));
 */
export function role(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const account = c.get('account');
    if (!account) return signInFirst(c);
    if (!roles.includes(account.role)) throw forbidden();
    await next();
  };
}

/**
 * The signed-in account of a request behind signedIn() or role(). A route that forgot its guard
 * fails loudly (a 500, logged) rather than serving an anonymous visitor.
 * @example const account = signedInAccount(c);
 */
export function signedInAccount(c: Context<AppEnv>): SessionAccount {
  const account = c.get('account');
  if (!account) throw new Error(`signedInAccount() without a signedIn() or role() guard on ${c.req.method} ${c.req.path}`);
  return account;
}
