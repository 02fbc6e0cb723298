import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import { facetValueLabel } from '../facets.ts';
import { facetParams, hasFilters, type SearchParams, searchQueryString, withoutFilters } from '../search.params.ts';
import type { FacetValue } from '../search.types.ts';
import { type FilterChip, FilterChips } from './filter-chips.tsx';

/** Selected filters as chips; each is a link to the same search without that one value. */
export const ActiveFilters: FC<{ params: SearchParams; facets: Record<string, FacetValue[]> }> = ({ params, facets }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!hasFilters(params)) return null;
  const chips: FilterChip[] = [];
  const to = (qs: string) => `/practices${qs ? `?${qs}` : ''}`;
  for (const name of facetParams) {
    for (const v of params[name]) {
      const label = facetValueLabel(i18n, name, v, facets[name]?.find((f) => f.value === v)?.label);
      const rest = params[name].filter((x) => x !== v);
      chips.push({ label, href: to(searchQueryString(params, { [name]: rest, page: 1 })) });
    }
  }
  if (params.from !== undefined)
    chips.push({ label: t('search.chip.from', { year: String(params.from) }), href: to(searchQueryString(params, { from: undefined, page: 1 })) });
  if (params.to !== undefined)
    chips.push({ label: t('search.chip.to', { year: String(params.to) }), href: to(searchQueryString(params, { to: undefined, page: 1 })) });
  const cleared = searchQueryString(withoutFilters(params));
  return (
    <section aria-labelledby="active-filters-heading">
      <h2 id="active-filters-heading" class="visually-hidden">
        {t('search.active_filters')}
      </h2>
      <FilterChips chips={chips} removeLabel={(label) => t('search.remove_filter', { label })} clearHref={to(cleared)} clearLabel={t('search.clear_all')} />
    </section>
  );
};
