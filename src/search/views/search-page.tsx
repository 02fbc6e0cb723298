import type { FC } from 'hono/jsx';
import { PracticeCard } from '../../practices/views/practice-card.tsx';
import { FollowForm } from '../../views/follow-form.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { facetValueLabel } from '../facets.ts';
import {
  type FacetParam,
  facetParams,
  hasFilters,
  type ParseNotes,
  type SearchParams,
  searchQueryString,
  sortOrders,
  withoutFilters,
} from '../search.params.ts';
import type { SearchResult } from '../search.types.ts';
import { ActiveFilters } from './active-filters.tsx';
import { FacetPanel } from './facet-panel.tsx';
import { Pagination } from './pagination.tsx';
import { SearchNotices } from './search-notices.tsx';

/** When filters empty a search whose words match: how many results each filter's removal would give, as links. */
const WithoutFilter: FC<{ result: SearchResult }> = ({ result }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const options = result.explanation?.withoutFilter ?? [];
  if (!options.length) return null;
  const { params } = result;
  const describe = (o: (typeof options)[number]) =>
    o.param === 'period'
      ? t('search.facet.period')
      : `${t(`search.facet.${o.param}`)}: ${o.values.map((v) => facetValueLabel(i18n, o.param as FacetParam, v, result.facets[o.param as FacetParam].find((f) => f.value === v)?.label)).join(', ')}`;
  const href = (o: (typeof options)[number]) =>
    `/practices?${searchQueryString(params, o.param === 'period' ? { from: undefined, to: undefined, page: 1 } : { [o.param]: [], page: 1 })}`;
  return (
    <>
      <p>{t('search.explain.without_filter_intro')}</p>
      <ul data-testid="without-filter">
        {options.map((o) => (
          <li>
            <a href={href(o)}>{t('search.explain.without_filter', { count: o.count, filter: describe(o) })}</a>
          </li>
        ))}
      </ul>
    </>
  );
};

/** What to try when nothing matches. */
const EmptyResults: FC<{ result: SearchResult }> = ({ result }) => {
  const { params } = result;
  const { t } = usePage().i18n;
  const unfiltered = searchQueryString(withoutFilters(params));
  return (
    <div class="notice">
      <h2>{t('search.empty.title')}</h2>
      <WithoutFilter result={result} />
      <p>{t('search.empty.tips')}</p>
      <ul>
        <li>{t('search.empty.spelling')}</li>
        <li>{t('search.empty.other_language')}</li>
        {hasFilters(params) && (
          <li>
            <a href={`/practices?${unfiltered}`}>{t('search.empty.remove_filters')}</a>
          </li>
        )}
        <li>
          <a href="/practices">{t('search.empty.browse')}</a>
        </li>
      </ul>
    </div>
  );
};

/** Links to the same search as data: exchange JSON, CSV, GeoJSON, Atom, and on the map. */
const Downloads: FC<{ params: SearchParams }> = ({ params }) => {
  const { t } = usePage().i18n;
  const qs = searchQueryString({ ...params, page: 1 });
  const suffix = qs ? `?${qs}` : '';
  return (
    <p class="downloads">
      {t('search.downloads')} <a href={`/practices/export.json${suffix}`}>{t('search.download.json')}</a>
      <a href={`/practices/export.csv${suffix}`}>{t('search.download.csv')}</a>
      <a href={`/practices/export.geojson${suffix}`}>{t('search.download.geojson')}</a>
      <a href={`/practices/feed.atom${suffix}`}>{t('search.download.atom')}</a>
      <a href={`/map${suffix}`}>{t('search.download.map')}</a>
    </p>
  );
};

/**
 * Follow what this search finds: its theme when a single theme is all it asks for, else the
 * search itself (query and filters). Nothing for the whole catalogue.
 */
const FollowSearch: FC<{ params: SearchParams }> = ({ params }) => {
  const { t } = usePage().i18n;
  const qs = searchQueryString({ ...params, page: 1, sort: undefined });
  if (!qs) return null;
  const onlyTheme = params.theme.length === 1 && qs === `theme=${encodeURIComponent(params.theme[0])}`;
  if (onlyTheme) return <FollowForm kind="theme" target={params.theme[0]} label={t(`theme.${params.theme[0]}`)} back={`/practices?${qs}`} />;
  // Named as the reader sees it: the words, then the filters' values (themes by their label).
  const filters = facetParams.flatMap((name) => params[name].map((v) => (name === 'theme' ? t(`theme.${v}`) : v)));
  const label = [params.q, ...filters].filter(Boolean).join(' · ');
  return <FollowForm kind="search" target={qs} label={label} back={`/practices?${qs}`} />;
};

/** The search page: query box, active filters, facets, results, pagination and downloads. */
export const SearchPage: FC<{ result: SearchResult; notes: ParseNotes }> = ({ result, notes }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { params } = result;
  const qs = searchQueryString({ ...params, page: 1 });
  const pastEnd = result.total > 0 && result.page > result.pageCount;
  return (
    <Layout
      title={params.q ? t('search.title_query', { q: params.q }) : t('search.title')}
      description={t('search.intro')}
      canonical={`/practices${qs ? `?${qs}` : ''}`}
      noindex={result.total === 0}
      feeds={[{ href: `/practices/feed.atom${qs ? `?${qs}` : ''}`, title: t('search.feed_title'), type: 'application/atom+xml' }]}
    >
      <h1>{params.q ? t('search.title_query', { q: params.q }) : t('search.title')}</h1>
      <form action="/practices" method="get" role="search" class="search-page-form">
        <div class="search-form">
          <div class="search-form__field">
            <label for="q">{t('search.label')}</label>
            <input id="q" type="search" name="q" value={params.q} placeholder={t('search.placeholder')} maxlength={200} />
          </div>
          <button type="submit">{t('search.submit')}</button>
        </div>
        <SearchNotices notes={notes} result={result} />
        <p class="jump-to-results">
          <a href="#results">{t('search.jump_to_results', { count: result.total })}</a>
        </p>
        <ActiveFilters params={params} facets={result.facets} />
        <div class="search-layout">
          <FacetPanel params={params} facets={result.facets} />
          <section id="results" aria-labelledby="results-heading">
            <div class="results-bar">
              {/* A plain heading: the count arrives with the page, so a live region (role="status",
                  which a heading may not take) would announce nothing; readers meet it as the results' heading. */}
              <h2 id="results-heading">
                {t('search.results_count', { count: result.total })}
                {result.pageCount > 1 && !pastEnd && <span class="count"> · {t('search.page_of', { page: result.page, count: result.pageCount })}</span>}
              </h2>
              <div>
                <label for="sort">{t('search.sort')}</label>{' '}
                <select id="sort" name="sort">
                  {sortOrders
                    .filter((s) => s !== 'relevance' || params.q)
                    .map((s) => (
                      <option value={s} selected={s === result.sort}>
                        {t(`search.sort.${s}`)}
                      </option>
                    ))}
                </select>{' '}
                <button type="submit" class="button--secondary">
                  {t('search.apply')}
                </button>
              </div>
            </div>
            {result.total === 0 && <EmptyResults result={result} />}
            {pastEnd && (
              <p class="notice">
                {t('search.past_end', { count: result.pageCount })} <a href={`/practices${qs ? `?${qs}` : ''}`}>{t('search.past_end.first')}</a>
              </p>
            )}
            <ul class="cards">
              {result.hits.map((hit) => (
                <PracticeCard practice={hit} />
              ))}
            </ul>
            <Pagination params={params} page={result.page} pageCount={result.pageCount} />
            {result.total > 0 && <Downloads params={params} />}
          </section>
        </div>
      </form>
      {/* Outside the search form: a form inside a form is dropped by browsers. */}
      <FollowSearch params={params} />
      {params.q && (
        <p>
          <a href={`/search?q=${encodeURIComponent(params.q)}`}>{t('site_search.elsewhere', { q: params.q })}</a>
        </p>
      )}
    </Layout>
  );
};
