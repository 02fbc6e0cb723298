import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { defaultLocale, locales, type Translator, translator } from './i18n.ts';

const prefix = new RegExp(`^/(${locales.join('|')})(?=/|$)`);

/** Paths that are the same in every language: data, assets, machine endpoints. */
const languageNeutral = /^\/(api|assets|internal|healthz|favicon\.svg)(\/|$)|\.(json|csv|atom)$/;

/**
 * Splits a language prefix off a path: `/fr/practices` → { locale: 'fr', path: '/practices' }.
 * @example splitLocale('/ar') // { locale: 'ar', path: '/' }
 */
export function splitLocale(pathname: string): { locale?: string; path: string } {
  const m = prefix.exec(pathname);
  if (!m) return { path: pathname };
  return { locale: m[1], path: pathname.slice(m[0].length) || '/' };
}

/**
 * The address of a path in a language: English lives at the root, others under their prefix.
 * `explicit` gives English its `/en` prefix too, for links that must override a remembered choice.
 */
export function localizedPath(path: string, locale: string, explicit = false): string {
  if (locale === defaultLocale && !explicit) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/**
 * The query parameter the language switcher adds to its links: following one is choosing that
 * language, which is remembered; merely visiting a page in a language (a shared link, a search
 * engine's result) is not.
 */
export const chooseLanguageParam = 'choose-language';

/**
 * The switcher's link to a page (path and query) in a language: the language's address, marked
 * as a choice. English carries its `/en` prefix so that choosing it overrides a remembered choice.
 * @example languageChoiceHref('/map?theme=health', 'fr') // '/fr/map?theme=health&choose-language=1'
 */
export function languageChoiceHref(path: string, locale: string): string {
  return `${localizedPath(path, locale, true)}${path.includes('?') ? '&' : '?'}${chooseLanguageParam}=1`;
}

/** The best interface language for an Accept-Language header, if any is acceptable. */
export function negotiateLocale(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { lang: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((x) => locales.includes(x.lang))?.lang;
}

/**
 * Hono `getPath`: routes see the path without its language prefix, so every route serves all
 * languages without knowing about them.
 */
export function pathWithoutLocale(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  const end = url.indexOf('?', start);
  return splitLocale(end === -1 ? url.slice(start) : url.slice(start, end)).path;
}

/**
 * The language an unprefixed page address is sent to, if not English: the remembered choice,
 * else the browser's preference. Undefined for prefixed and language-neutral paths.
 * @example languageRedirect('/map', 'fr', undefined) // 'fr'
 */
export function languageRedirect(pathname: string, remembered: string | undefined, acceptLanguage: string | undefined): string | undefined {
  if (splitLocale(pathname).locale || languageNeutral.test(pathname)) return undefined;
  const wanted = remembered && locales.includes(remembered) ? remembered : negotiateLocale(acceptLanguage);
  return wanted && wanted !== defaultLocale ? wanted : undefined;
}

/**
 * Sets the interface language from the URL prefix. A language chosen in the switcher is
 * remembered in a cookie (then the address is cleaned of the mark); an unprefixed page goes to
 * the remembered or the browser's preferred language, else stays in English. (Typed by the one
 * variable it sets, so the language layer needs nothing of the HTTP layer's AppEnv.)
 * @example app.use(localeRouting());
 */
export function localeRouting(): MiddlewareHandler<{ Variables: { i18n: Translator } }> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const { locale, path } = splitLocale(url.pathname);
    const remembered = getCookie(c, 'lang');
    if (locale) {
      if (url.searchParams.has(chooseLanguageParam) && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
        if (remembered !== locale) setCookie(c, 'lang', locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'Lax' });
        url.searchParams.delete(chooseLanguageParam);
        c.header('cache-control', 'private, no-store');
        return c.redirect(`${url.pathname}${url.search}`, 303);
      }
    } else if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !languageNeutral.test(path)) {
      const wanted = languageRedirect(path, remembered, c.req.header('accept-language'));
      c.header('vary', 'Accept-Language, Cookie', { append: true });
      if (wanted) {
        c.header('cache-control', 'private, no-store');
        return c.redirect(`${localizedPath(path, wanted)}${url.search}`, 302);
      }
    }
    c.set('i18n', translator(locale ?? defaultLocale));
    await next();
  };
}
