import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { localizedPath } from '../i18n/locale-routing.ts';
import { type FormValues, formValues } from '../shared/form-values.ts';
import type { AppEnv } from './app-env.ts';
import { renderPage } from './render.tsx';

/**
 * Renders a per-visitor page: never cached anywhere, since it holds a per-visitor form token.
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

/**
 * The posted form as strings and string lists.
 * @example const values = await postedForm(c);
 */
export async function postedForm(c: Context<AppEnv>): Promise<FormValues> {
  return formValues(await c.req.parseBody({ all: true }));
}
