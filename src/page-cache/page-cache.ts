import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { parse } from 'hono/utils/cookie';
import type { Config } from '../config.ts';
import { pickEncoding } from '../http/compressed-cache.ts';
import { arrivedOverHttps, hsts } from '../http/security-headers.ts';
import { languageRedirect } from '../i18n/locale-routing.ts';
import type { Logger } from '../shared/logger.ts';
import { PageStore } from './page-store.ts';
import type { SiteVersionFeed } from './site-version-feed.ts';

/** The cookie of a signed-in session, whose pages are that person's; and the anonymous form token, which pages with forms embed. */
const sessionCookie = 'ch_session';
const formTokenCookie = 'ch_csrf';

/** Headers of a render that are not the page's: timing is the render's own, HSTS depends on how each request arrived. */
const notStored = new Set(['server-timing', 'strict-transport-security', 'date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * Anonymous pages, rendered once per site version and served from memory without a database
 * round trip: the version is the one the site version feed holds (pushed by PostgreSQL's
 * notifications, or known in process on the embedded database), so a hit costs a lookup. What
 * is kept is what the app itself says any shared cache may keep (`Cache-Control: public`, no
 * cookie set), rendered for a visitor with no session and no form token; a signed-in person's
 * requests never touch it. Pages rendered while the version changes are not kept.
 */
export class PageCache {
  readonly store: PageStore;

  constructor(
    readonly feed: SiteVersionFeed,
    private readonly config: Pick<Config, 'publicUrl' | 'TRUST_PROXY'>,
    private readonly log: Logger,
    maxBytes: number,
  ) {
    this.store = new PageStore(maxBytes);
    feed.onChange((version) => this.store.clear(version));
  }

  /**
   * The Hono middleware that keeps what the app renders (mounted first, so it sees the final
   * answer: headers, ETag and compression included).
   */
  keep(): MiddlewareHandler {
    return async (c, next) => {
      const version = this.feed.current();
      const cookies = getCookie(c);
      const storable = version !== undefined && c.req.method === 'GET' && cookies[sessionCookie] === undefined && cookies[formTokenCookie] === undefined;
      await next();
      if (!storable) return;
      const res = c.res;
      const cacheControl = res.headers.get('cache-control') ?? '';
      if (res.status !== 200 || !/\bpublic\b/.test(cacheControl) || res.headers.has('set-cookie') || !res.body) return;
      if (res.headers.get('content-disposition')?.startsWith('attachment')) return;
      const url = c.req.url;
      const key = this.key(url.slice(url.indexOf('/', url.indexOf('://') + 3)), c.req.header('accept-encoding'));
      const body = Buffer.from(await res.clone().arrayBuffer());
      const headers: string[] = [];
      res.headers.forEach((value, name) => {
        if (!notStored.has(name)) headers.push(name, value);
      });
      headers.push('content-length', String(body.length));
      this.store.set(key, { version, headers, etag: res.headers.get('etag') ?? '', body }, this.feed.current());
    };
  }

  /**
   * Answers a request from the kept pages when it can (true), before the app sees it; else
   * leaves it to the app (false).
   */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const version = this.feed.current();
    if (version === undefined) return false;
    const cookies = req.headers.cookie ? parse(req.headers.cookie) : {};
    if (cookies[sessionCookie] !== undefined) return false;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    if (languageRedirect(pathname, cookies.lang, req.headers['accept-language'])) return false;
    const page = this.store.get(this.key(url, req.headers['accept-encoding']), version);
    if (!page) return false;
    const start = performance.now();
    const extra = ['server-timing', 'app;dur=0;desc="page cache"'];
    const proto = req.headers['x-forwarded-proto'];
    if (arrivedOverHttps(this.config, 'http:', typeof proto === 'string' ? proto : undefined)) extra.push('strict-transport-security', hsts);
    const inm = req.headers['if-none-match'];
    if (page.etag && inm?.split(/\s*,\s*/).includes(page.etag)) {
      // The same headers but the length: a 304 has no body.
      res.writeHead(304, [...page.headers.slice(0, -2), ...extra]);
      res.end();
    } else {
      res.writeHead(200, [...page.headers, ...extra]);
      res.end(req.method === 'HEAD' ? undefined : page.body);
    }
    this.log.info('request', {
      method: req.method,
      path: pathname,
      status: res.statusCode,
      ms: Math.round((performance.now() - start) * 10) / 10,
      cache: 'hit',
    });
    return true;
  }

  private key(pathAndQuery: string, acceptEncoding: string | undefined): string {
    return `${pickEncoding(acceptEncoding)}|${pathAndQuery}`;
  }
}
