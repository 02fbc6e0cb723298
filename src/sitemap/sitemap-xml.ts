import { defaultLocale, locales } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import { xmlEscape } from '../shared/xml-text.ts';
import type { SitemapEntry } from './sitemap.repo.ts';

/** Pages of a sitemap file: every page is listed once per language, and a file holds at most 50,000 URLs. */
export const practicesPerSitemap = Math.floor(50_000 / locales.length / 1.5);

const w3cDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** A page's `<url>` elements, one per language, each naming every language's version (and English as x-default). */
function urlXml(publicUrl: string, entry: SitemapEntry): string {
  const hrefOf = (locale: string) => xmlEscape(`${publicUrl}${localizedPath(entry.path, locale)}`);
  const alternates = [
    ...locales.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${hrefOf(l)}"/>`),
    `<xhtml:link rel="alternate" hreflang="x-default" href="${hrefOf(defaultLocale)}"/>`,
  ].join('');
  const lastmod = entry.lastmod ? `<lastmod>${w3cDate(entry.lastmod)}</lastmod>` : '';
  return locales.map((l) => `<url><loc>${hrefOf(l)}</loc>${lastmod}${alternates}</url>\n`).join('');
}

/**
 * A sitemap (sitemaps.org 0.9) as text chunks, with hreflang alternates (xhtml:link).
 * @example for await (const chunk of urlsetChunks(publicUrl, entries)) out.write(chunk);
 */
export async function* urlsetChunks(publicUrl: string, entries: SitemapEntry[]): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
  for (let i = 0; i < entries.length; i += 200)
    yield entries
      .slice(i, i + 200)
      .map((e) => urlXml(publicUrl, e))
      .join('');
  yield '</urlset>\n';
}

/**
 * A sitemap index naming the sitemap files.
 * @example sitemapIndexXml([{ url: 'https://x.org/sitemaps/pages.xml' }])
 */
export function sitemapIndexXml(files: { url: string; lastmod?: Date }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
    ...files.map((f) => `<sitemap><loc>${xmlEscape(f.url)}</loc>${f.lastmod ? `<lastmod>${w3cDate(f.lastmod)}</lastmod>` : ''}</sitemap>\n`),
    '</sitemapindex>\n',
  ].join('');
}
