import type { FC } from 'hono/jsx';
import type { Translator } from '../../i18n/i18n.ts';
import { facetValueLabel } from '../../search/facets.ts';
import { facetParams, hasFilters, maxQueryLength, type ParseNotes, type SearchParams } from '../../search/search.params.ts';
import { type FilterChip, FilterChips } from '../../search/views/filter-chips.tsx';
import { usePage } from '../../views/page-context.ts';
import { mapHref, searchPageHref } from '../map-links.ts';

/** The active query and filters as chips, each linking to the map without that one. */
function chipsOf(i18n: Translator, params: SearchParams, cityNames: Map<string, string>): FilterChip[] {
  const { t } = i18n;
  const chips: FilterChip[] = [];
  if (params.q) chips.push({ label: t('map.chip.query', { q: params.q }), href: mapHref(params, { q: '' }) });
  for (const name of facetParams) {
    const values = params[name];
    for (const v of values) {
      chips.push({
        label: facetValueLabel(i18n, name, v, name === 'city' ? cityNames.get(v) : undefined),
        href: mapHref(params, { [name]: values.filter((x) => x !== v) }),
      });
    }
  }
  if (params.from !== undefined) chips.push({ label: t('map.chip.from', { year: String(params.from) }), href: mapHref(params, { from: undefined }) });
  if (params.to !== undefined) chips.push({ label: t('map.chip.to', { year: String(params.to) }), href: mapHref(params, { to: undefined }) });
  return chips;
}

/**
 * Which search the map shows: removable chips for the query and each filter, a link to the
 * same search as a list, and what in the address was ignored. Without filters, a hint on how
 * to map only some practices.
 */
export const MapFilters: FC<{ params: SearchParams; notes: ParseNotes; cityNames: Map<string, string> }> = ({ params, notes, cityNames }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const notices = (
    <>
      {notes.truncatedQuery && <p class="notice">{t('map.notice.truncated', { max: maxQueryLength })}</p>}
      {notes.ignored.length > 0 && (
        <p class="notice">{t('map.notice.ignored', { count: notes.ignored.length, values: notes.ignored.map((n) => `${n.param}=${n.value}`).join(', ') })}</p>
      )}
    </>
  );
  if (!params.q && !hasFilters(params)) {
    return (
      <>
        {notices}
        <p>
          {t('map.hint')} <a href="/practices">{t('map.hint.link')}</a>
        </p>
      </>
    );
  }
  return (
    <section class="map-filters" aria-labelledby="map-filters-heading">
      {notices}
      <h2 id="map-filters-heading">{t('map.filters.heading')}</h2>
      <FilterChips
        chips={chipsOf(i18n, params, cityNames)}
        removeLabel={(label) => t('map.filters.remove', { label })}
        clearHref="/map"
        clearLabel={t('map.filters.clear')}
      />
      <p>
        <a href={searchPageHref(params)}>{t('map.filters.as_list')}</a>
      </p>
    </section>
  );
};
