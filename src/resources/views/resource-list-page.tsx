import type { FC } from 'hono/jsx';
import { languageDisplayName } from '../../i18n/display-names.ts';
import { FilterSelect } from '../../views/filter-select.tsx';
import { regionLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { PageLinks, ThemeFilter } from '../../views/list-parts.tsx';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import { type ResourceQuery, resourceQueryString, resourceRegions, resourceTypes } from '../resource.query.ts';
import type { ListedResource } from '../resource.repo.ts';
import type { ResourceResults } from '../resource-search.ts';

/** What the library's page shows. */
export interface ResourceListProps {
  results: ResourceResults;
  query: ResourceQuery;
  years: number[];
  languages: string[];
}

/** One resource in the list: its title, what it is, who published it when, and its themes. */
const ResourceCard: FC<{ r: ListedResource }> = ({ r }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const meta = [t(`resources.type.${r.type}`), r.publisher, r.year ? String(r.year) : ''].filter(Boolean);
  return (
    <li class="org-card resource-card">
      <h2 class="org-card__name">
        <a href={`/resources/${encodeURIComponent(r.slug)}`} dir="auto" lang={r.languages[0]}>
          {r.title}
        </a>
      </h2>
      <p class="meta">
        <bdi>{meta.join(' · ')}</bdi>
      </p>
      {r.abstract && (
        <p class="resource-card__abstract" dir="auto" lang={r.languages[0]}>
          {r.abstract.length > 280 ? `${r.abstract.slice(0, 277).trimEnd()}…` : r.abstract}
        </p>
      )}
      <p class="meta">
        {[
          r.languages.map((l) => languageDisplayName(l, i18n.locale)).join(listSeparator(i18n.locale)),
          r.themes.map((th) => t(`theme.${th}`)).join(listSeparator(i18n.locale)),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </li>
  );
};

/**
 * GET /resources: the resource library — reports, toolkits, guidelines, videos, webinar
 * recordings and datasets — searched like the practices and filtered by type, theme, region,
 * language and year, with its exports and feed.
 */
export const ResourceListPage: FC<ResourceListProps> = ({ results, query, years, languages }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { items, total } = results;
  const pages = Math.max(1, Math.ceil(total / query.page_size));
  const filters = resourceQueryString({ ...query, q: undefined });
  return (
    <Layout
      title={t('resources.list.title')}
      description={t('resources.list.description')}
      canonical={`/resources${resourceQueryString(query, query.page)}`}
      feeds={[{ href: `/resources/feed.atom${filters}`, title: t('resources.feed.title'), type: 'application/atom+xml' }]}
    >
      <h1>{t('resources.list.title')}</h1>
      <p class="lead">{t('resources.list.lead')}</p>
      <form method="get" action="/resources" class="filter-form" role="search">
        <div class="form-field resource-search">
          <label for="f-q">{t('resources.filter.q')}</label>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} maxlength={200} dir="auto" />
        </div>
        <FilterSelect
          name="type"
          label={t('resources.filter.type')}
          value={query.type}
          all={t('resources.filter.all_types')}
          choices={resourceTypes.map((ty) => ({ value: ty, label: t(`resources.type.${ty}`) }))}
        />
        <ThemeFilter value={query.theme} themes={themes} />
        <FilterSelect
          name="region"
          label={t('resources.filter.region')}
          value={query.region}
          all={t('resources.filter.all_regions')}
          choices={resourceRegions.filter((r) => r !== '001').map((r) => ({ value: r, label: regionLabel(i18n, r) }))}
        />
        <FilterSelect
          name="language"
          label={t('resources.filter.language')}
          value={query.language}
          all={t('resources.filter.all_languages')}
          choices={languages.map((l) => ({ value: l, label: languageDisplayName(l, i18n.locale) }))}
        />
        <FilterSelect
          name="year"
          label={t('resources.filter.year')}
          value={query.year ? String(query.year) : undefined}
          all={t('resources.filter.all_years')}
          choices={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button type="submit">{t('resources.filter.apply')}</button>
      </form>
      <p aria-live="polite">{t('resources.list.count', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('resources.list.none')}</p>
      ) : (
        <ul class="org-list">
          {items.map((r) => (
            <ResourceCard r={r} />
          ))}
        </ul>
      )}
      <PageLinks page={query.page} pages={pages} href={(page) => `/resources${resourceQueryString(query, page)}`} label={t('resources.list.pages')} />
      <p class="resource-actions">
        <a href="/resources/submit">{t('resources.submit.link')}</a> ·{' '}
        <a href={`/resources/export.csv${resourceQueryString(query)}`}>{t('resources.export.csv')}</a> ·{' '}
        <a href={`/resources/export.json${resourceQueryString(query)}`}>{t('resources.export.json')}</a> ·{' '}
        <a href={`/resources/feed.atom${filters}`}>{t('resources.feed.link')}</a>
      </p>
    </Layout>
  );
};
