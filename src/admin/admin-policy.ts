import type { Context } from 'hono';
import { type AccessResult, requireRole } from '../accounts/access-policy.ts';
import type { AppEnv } from '../http/app-env.ts';

/**
 * The signed-in admin, or a redirect to sign in (anonymous); anyone else gets the 403 page.
 * @example const { account, redirect } = requireAdmin(c); if (!account) return redirect;
 */
export function requireAdmin(c: Context<AppEnv>): AccessResult {
  return requireRole(c, ['admin']);
}
