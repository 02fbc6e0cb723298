import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { PageContext, type PageContextValue } from '../views/page-context.ts';
import type { AppEnv } from './app-env.ts';

let pageAssets: PageContextValue['assets'] = { css: '/assets/site.css' };
let pagePublicUrl = '';

/** Called once at start-up with the fingerprinted asset URLs and the public base URL. */
export function configureRendering(assets: PageContextValue['assets'], publicUrl: string): void {
  pageAssets = assets;
  pagePublicUrl = publicUrl;
}

/** The page context of a request. */
export function pageContextOf(c: Context<AppEnv>): PageContextValue {
  const url = new URL(c.req.url);
  return { i18n: c.get('i18n'), path: url.pathname + url.search, publicUrl: pagePublicUrl, assets: pageAssets };
}

/**
 * Renders a page component inside the page context, as HTML with a doctype.
 * @example return renderPage(c, <HomePage figures={figures} />);
 */
export function renderPage(c: Context<AppEnv>, page: Child, status: 200 | 400 | 403 | 404 | 409 | 429 | 500 | 503 = 200) {
  const body = (
    <PageContext.Provider value={pageContextOf(c)}>{page}</PageContext.Provider>
  );
  c.header('cache-control', c.res.headers.get('cache-control') ?? 'public, max-age=60');
  return c.html(`<!doctype html>${body.toString()}`, status);
}
