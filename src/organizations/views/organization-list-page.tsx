import type { FC } from 'hono/jsx';
import { FilterSelect } from '../../views/filter-select.tsx';
import { placeLabel, regionLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { CountryFilter, PageLinks, ThemeFilter } from '../../views/list-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import { actorTypes, themes } from '../../vocabulary/vocabularies.ts';
import type { OrganizationQuery } from '../organization.query.ts';
import type { ListedOrganization } from '../organization.repo.ts';
import { VerifiedBadge } from './verified-badge.tsx';

/** The UN regions the directory can be narrowed to. */
const regions = ['002', '019', '142', '150', '009'];

/** The query's filters as a query string, with another page. */
function queryString(q: OrganizationQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'type', 'theme', 'region', 'country'] as const) if (q[key]) params.set(key, String(q[key]));
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** What the directory page shows. */
export interface OrganizationListProps {
  items: ListedOrganization[];
  total: number;
  query: OrganizationQuery;
  countries: string[];
}

/**
 * GET /organizations: the directory of organisations (research networks, NGOs, municipalities,
 * migrant associations, international organisations), searchable by name and filtered by type,
 * theme, region and country, each with its place and how many practices name it.
 */
export const OrganizationListPage: FC<OrganizationListProps> = ({ items, total, query, countries }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const pages = Math.max(1, Math.ceil(total / query.page_size));
  return (
    <Layout title={t('org.list.title')} description={t('org.list.description')} canonical={`/organizations${queryString(query, query.page)}`}>
      <h1>{t('org.list.title')}</h1>
      <p class="lead">{t('org.list.lead')}</p>
      <form method="get" action="/organizations" class="filter-form" role="search">
        <div class="form-field">
          <label for="f-q">{t('org.filter.q')}</label>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} maxlength={200} />
        </div>
        <FilterSelect
          name="type"
          label={t('org.filter.type')}
          value={query.type}
          all={t('org.filter.all_types')}
          choices={actorTypes.map((a) => ({ value: a, label: t(`actor.${a}`) }))}
        />
        <ThemeFilter value={query.theme} themes={themes} />
        <FilterSelect
          name="region"
          label={t('org.filter.region')}
          value={query.region}
          all={t('org.filter.all_regions')}
          choices={regions.map((r) => ({ value: r, label: regionLabel(i18n, r) }))}
        />
        <CountryFilter value={query.country} countries={countries} />
        <button type="submit">{t('org.filter.apply')}</button>
      </form>
      <p aria-live="polite">{t('org.list.count', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('org.list.none')}</p>
      ) : (
        <ul class="org-list">
          {items.map((o) => (
            <li class="org-card">
              <h2 class="org-card__name">
                <a href={`/organizations/${encodeURIComponent(o.slug)}`} dir="auto">
                  {o.name}
                </a>
                {o.acronym && <span class="meta"> ({o.acronym})</span>}
              </h2>
              <p class="meta">
                {[o.type ? t(`actor.${o.type}`) : null, o.country ? placeLabel(i18n, o.city, o.country) : null].filter(Boolean).join(' · ')}
                {o.verified && (
                  <>
                    {' '}
                    <VerifiedBadge />
                  </>
                )}
              </p>
              <p class="meta">{t('org.practices_count', { count: o.practices })}</p>
            </li>
          ))}
        </ul>
      )}
      <PageLinks page={query.page} pages={pages} href={(page) => `/organizations${queryString(query, page)}`} label={t('org.list.pages')} />
    </Layout>
  );
};
