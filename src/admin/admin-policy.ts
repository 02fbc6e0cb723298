import type { Context } from 'hono';
import type { SessionAccount } from '../accounts/accounts-env.ts';
import type { AppEnv } from '../http/app-env.ts';
import { forbidden } from '../http/errors.ts';
import { localizedPath } from '../i18n/locale-routing.ts';

/**
 * The signed-in admin, or a redirect to sign in (anonymous); anyone else gets the 403 page.
 * @example const { account, redirect } = requireAdmin(c); if (!account) return redirect;
 */
export function requireAdmin(c: Context<AppEnv>): { account: SessionAccount; redirect?: undefined } | { account?: undefined; redirect: Response } {
  const account = c.get('account');
  if (!account) {
    c.header('cache-control', 'no-store');
    const next = encodeURIComponent(c.req.path + new URL(c.req.url).search);
    return { redirect: c.redirect(`${localizedPath('/login', c.get('i18n').locale)}?next=${next}`, 303) };
  }
  if (account.role !== 'admin') throw forbidden();
  return { account };
}
