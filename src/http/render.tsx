import type { Context, MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import { defaultLocale, locales } from '../i18n/i18n.ts';
import { localizedPath, splitLocale } from '../i18n/locale-routing.ts';
import { withUnstorableReplaced } from '../shared/storable-text.ts';
import { PageContext, type PageContextValue, type PageSettings } from '../views/page-context.ts';
import type { AppEnv } from './app-env.ts';

/** Pages rendered before the app's settings are known (an error in the first middleware): plain defaults. */
const defaultSettings: PageSettings = { assets: { css: '/assets/site.css' }, publicUrl: '', layoutParts: {} };

/**
 * Middleware that hands every request the page settings the app was built with: the
 * fingerprinted asset URLs, the public base URL and the parts of the layout that product areas
 * supply (the account links). Passed in, not kept in module state, so two apps in one process
 * (tests) render each with their own.
 * @example app.use(pageSettings({ assets: { css: '/assets/site.1a2b.css' }, publicUrl, layoutParts: { accountNav: AccountNav } }));
 */
export function pageSettings(settings: PageSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('page', settings);
    await next();
  };
}

/** The page context of a request. */
export function pageContextOf(c: Context<AppEnv>): PageContextValue {
  const url = new URL(c.req.url);
  const settings = c.get('page') ?? defaultSettings;
  const account = c.get('account');
  return {
    i18n: c.get('i18n'),
    path: splitLocale(url.pathname).path + url.search,
    publicUrl: settings.publicUrl,
    assets: settings.assets,
    viewerRole: c.get('account')?.role,
    layoutParts: settings.layoutParts,
    reader: account && { csrfToken: account.csrfToken, following: c.get('following') },
  };
}

// Site-relative links that are not already in a language and not language-neutral.
const localLink = new RegExp(`(\\s(?:href|action))="/(?!(?:${locales.join('|')})(?:[/?#"]|$)|assets/|api/|internal/|favicon\\.svg|healthz|readyz)`, 'g');

/**
 * Puts every site-relative link and form of a rendered page into the page's language, so
 * views write plain paths (`/practices?theme=housing`) and stay unaware of language prefixes.
 * @example localizeLinks('<a href="/map">', 'fr') // '<a href="/fr/map">'
 */
export function localizeLinks(html: string, locale: string): string {
  if (locale === defaultLocale) return html;
  return html.replace(localLink, (_m, attr: string) => `${attr}="${localizedPath('/', locale)}/`).replaceAll(`="/${locale}/"`, `="/${locale}"`);
}

type PageStatus = 200 | 400 | 403 | 404 | 409 | 429 | 500 | 503;

/**
 * A page component rendered inside the page context, as HTML with a doctype.
 * @example const html = pageHtml(c, <SearchPage result={result} />);
 */
export function pageHtml(c: Context<AppEnv>, page: Child): string {
  const body = <PageContext.Provider value={pageContextOf(c)}>{page}</PageContext.Provider>;
  // A control character typed into a form comes back in the form shown again; the page shows U+FFFD where it was, as browsers do.
  return `<!doctype html>${withUnstorableReplaced(localizeLinks(body.toString(), c.get('i18n').locale))}`;
}

/** Answers with a rendered page: public and cacheable for a minute unless the request made it private. */
export function sendPage(c: Context<AppEnv>, html: string, status: PageStatus = 200) {
  c.header('cache-control', c.res.headers.get('cache-control') ?? 'public, max-age=60');
  return c.html(html, status);
}

/**
 * Renders a page component inside the page context, as HTML with a doctype.
 * @example return renderPage(c, <HomePage figures={figures} />);
 */
export function renderPage(c: Context<AppEnv>, page: Child, status: PageStatus = 200) {
  return sendPage(c, pageHtml(c, page), status);
}
