import type { Translator } from '../i18n/i18n.ts';
import { type AtomEntry, atomFeed } from '../practices/export/atom.ts';
import type { newestMatching } from '../practices/export/export.repo.ts';
import { hasFilters, type SearchParams, searchQueryString } from '../search/search.params.ts';
import { practiceApiUrl, practicePageUrl, withQuery } from './open-data.urls.ts';

type FeedRow = Awaited<ReturnType<typeof newestMatching>>[number];

/**
 * The Atom feed of a search. Its id and self link are the canonical URL of the search (page
 * and sort left out: a feed is always the newest practices), so one search is one feed.
 * @example const xml = practiceFeedXml(rows, { params, lang, langGiven, publicUrl, i18n });
 */
export function practiceFeedXml(
  rows: FeedRow[],
  options: { params: SearchParams; lang: string; langGiven: boolean; publicUrl: string; i18n: Translator },
): string {
  const { params, publicUrl, i18n } = options;
  const qs = new URLSearchParams(searchQueryString({ ...params, page: 1, sort: undefined }));
  if (options.langGiven) qs.set('lang', options.lang);
  const query = qs.toString();
  const entries: AtomEntry[] = rows.map((r) => ({
    url: practicePageUrl(publicUrl, r.id),
    jsonUrl: practiceApiUrl(publicUrl, r.id),
    title: r.title,
    summary: r.summary,
    language: r.language,
    published: new Date(r.created_at),
    updated: new Date(r.updated_at),
    categories: r.themes.map((theme) => ({ term: theme, label: i18n.t(`theme.${theme}`) })),
  }));
  return atomFeed({
    selfUrl: withQuery(`${publicUrl}/practices/feed.atom`, query),
    htmlUrl: withQuery(`${publicUrl}/practices`, searchQueryString({ ...params, page: 1, sort: 'newest' })),
    title: `${i18n.t(params.q || hasFilters(params) ? 'feed.title_filtered' : 'feed.title')} · ${i18n.t('site.name')}`,
    subtitle: i18n.t('feed.subtitle'),
    author: i18n.t('site.name'),
    rights: i18n.t('feed.rights'),
    entries,
  });
}
