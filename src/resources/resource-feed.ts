import type { Translator } from '../i18n/i18n.ts';
import { atomFeed } from '../shared/atom-feed.ts';
import { type ResourceQuery, resourceQueryString } from './resource.query.ts';
import type { ListedResource } from './resource.repo.ts';
import { resourcePageUrl } from './resource-api.present.ts';

/**
 * The Atom feed of the library's newest resources matching a query's filters, written by the
 * same writer as the practices' feed; its id and self link are the filtered feed's own URL.
 * @example const xml = resourceFeedXml(rows, { query, publicUrl, i18n });
 */
export function resourceFeedXml(rows: ListedResource[], o: { query: ResourceQuery; publicUrl: string; i18n: Translator }): string {
  const { query, publicUrl, i18n } = o;
  const qs = resourceQueryString({ ...query, q: undefined });
  return atomFeed({
    selfUrl: `${publicUrl}/resources/feed.atom${qs}`,
    htmlUrl: `${publicUrl}/resources${qs}`,
    title: `${i18n.t('resources.feed.title')} · ${i18n.t('site.name')}`,
    subtitle: i18n.t('resources.feed.subtitle'),
    author: i18n.t('site.name'),
    rights: i18n.t('resources.feed.rights'),
    entries: rows.map((r) => ({
      url: resourcePageUrl(publicUrl, r.slug),
      jsonUrl: `${publicUrl}/api/v1/resources/${encodeURIComponent(r.slug)}`,
      title: r.title,
      summary: r.abstract,
      language: r.languages[0] ?? 'en',
      published: new Date(r.created_at),
      updated: new Date(r.updated_at),
      categories: [{ term: r.type, label: i18n.t(`resources.type.${r.type}`) }, ...r.themes.map((theme) => ({ term: theme, label: i18n.t(`theme.${theme}`) }))],
    })),
  });
}
