import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { localizedPath } from '../i18n/locale-routing.ts';
import { localPath } from '../security/local-path.ts';
import { formValues, type FormValues } from './account.schema.ts';

/**
 * Renders an account page: never cached anywhere, since it holds a per-visitor form token.
 * @example return privatePage(c, <LoginPage csrf={token} />);
 */
export function privatePage(c: Context<AppEnv>, page: Child, status: 200 | 400 | 403 | 409 | 429 = 200) {
  c.header('cache-control', 'private, no-store');
  return renderPage(c, page, status);
}

/**
 * Redirects after a POST (303, so a reload does not post again) to a path in the page's language.
 * @example return seeOther(c, '/account?done=profile');
 */
export function seeOther(c: Context<AppEnv>, path: string) {
  c.header('cache-control', 'no-store');
  return c.redirect(localizedPath(path, c.get('i18n').locale), 303);
}

/** The posted form as strings and string lists. */
export async function postedForm(c: Context<AppEnv>): Promise<FormValues> {
  return formValues(await c.req.parseBody({ all: true }));
}

/**
 * Where to go after signing in: `next` when it is a path of this site (see localPath), else
 * /account. Every redirect target that comes from input goes through localPath.
 * @example return seeOther(c, safeNext(form.data.next));
 */
export function safeNext(next: unknown): string {
  return localPath(next) ?? '/account';
}
