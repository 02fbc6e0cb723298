import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import { facetParams, hasFilters, type SearchParams, searchQueryString } from '../search.params.ts';
import type { FacetValue } from '../search.types.ts';
import { facetValueLabel } from './facet-labels.ts';

/** Selected filters as chips; each is a link to the same search without that one value. */
export const ActiveFilters: FC<{ params: SearchParams; facets: Record<string, FacetValue[]> }> = ({ params, facets }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!hasFilters(params)) return null;
  const chips: { label: string; href: string }[] = [];
  const to = (qs: string) => `/practices${qs ? `?${qs}` : ''}`;
  for (const name of facetParams) {
    for (const value of params[name] as (string | number)[]) {
      const v = String(value);
      const label = facetValueLabel(i18n, name, v, facets[name]?.find((f) => f.value === v)?.label);
      const rest = (params[name] as (string | number)[]).filter((x) => String(x) !== v);
      chips.push({ label, href: to(searchQueryString(params, { [name]: rest, page: 1 })) });
    }
  }
  if (params.from !== undefined) chips.push({ label: t('search.chip.from', { year: String(params.from) }), href: to(searchQueryString(params, { from: undefined, page: 1 })) });
  if (params.to !== undefined) chips.push({ label: t('search.chip.to', { year: String(params.to) }), href: to(searchQueryString(params, { to: undefined, page: 1 })) });
  const cleared = searchQueryString({ ...params, theme: [], region: [], country: [], city: [], actor: [], target: [], status: [], evidence: [], assessed: [], from: undefined, to: undefined, page: 1 });
  return (
    <section aria-labelledby="active-filters-heading">
      <h2 id="active-filters-heading" class="visually-hidden">{t('search.active_filters')}</h2>
      <ul class="chips">
        {chips.map((c) => (
          <li>
            <a class="chip" href={c.href} aria-label={t('search.remove_filter', { label: c.label })}>
              {c.label} <span class="chip__x" aria-hidden="true">×</span>
            </a>
          </li>
        ))}
        <li>
          <a href={to(cleared)}>{t('search.clear_all')}</a>
        </li>
      </ul>
    </section>
  );
};
