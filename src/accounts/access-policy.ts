import type { Context } from 'hono';
import type { Role } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { forbidden } from '../http/errors.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { SessionAccount } from './accounts-env.ts';

/** Either the signed-in account, or the response to send instead (a redirect to sign in). */
export type AccessResult = { account: SessionAccount; redirect?: undefined } | { account?: undefined; redirect: Response };

/** Roles that may review, publish, assess and edit any practice. */
export const editorRoles: readonly Role[] = ['editor', 'admin'];

/** True when the account may act as an editor. */
export function isEditor(account: { role: Role } | undefined): boolean {
  return !!account && editorRoles.includes(account.role);
}

/**
 * The signed-in person, or a 303 to the sign-in page that comes back to this page afterwards.
 * @example const { account, redirect } = requireSignedIn(c); if (!account) return redirect;
 */
export function requireSignedIn(c: Context<AppEnv>): AccessResult {
  const account = c.get('account');
  if (account) return { account };
  c.header('cache-control', 'no-store');
  // c.req.path has no language prefix; the sign-in page puts it back when it redirects.
  const back = c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : c.req.path;
  return { redirect: c.redirect(`${localizedPath('/login', c.get('i18n').locale)}?next=${encodeURIComponent(back)}`, 303) };
}

/**
 * The signed-in person when their role is one of `roles`; anonymous visitors are sent to sign
 * in, anyone else gets the 403 page (thrown, so nothing after it runs).
 * @example const { account, redirect } = requireRole(c, editorRoles); if (!account) return redirect;
 */
export function requireRole(c: Context<AppEnv>, roles: readonly Role[]): AccessResult {
  const result = requireSignedIn(c);
  if (result.account && !roles.includes(result.account.role)) throw forbidden();
  return result;
}
