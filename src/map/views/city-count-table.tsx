import { html } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { CityCount } from '../../cities/city.repo.ts';
import { sortForReading } from '../../cities/views/reading-order.ts';
import { countryName } from '../../geo/countries.ts';
import { cityHref, countryHref } from '../../practices/views/practice-links.ts';
import { isolated, localNames } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';

/**
 * The map's data as a table: the accessible, no-JavaScript equivalent of the markers, with
 * links to each city's page, its country's page and its practices in the search (`hrefOf`). When only
 * some of the `total` cities are shown, the caption says which and where the others are.
 */
export const CityCountTable: FC<{ cities: CityCount[]; total: number; hrefOf: (country: string, slug: string) => string; id: string }> = ({
  cities,
  total,
  hrefOf,
  id,
}) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
      <table class="data-table place-table" id={id}>
        <caption id={`${id}-caption`}>
          {total > cities.length ? t('map.table.top', { shown: cities.length, rest: total - cities.length }) : t('map.table.caption', { count: cities.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('map.table.city')}</th>
            <th scope="col">{t('map.table.country')}</th>
            <th scope="col" class="num">
              {t('map.table.practices')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sortForReading(localNames(i18n, cities), i18n.locale).map((c) => {
            const note = c.lat === null || c.lon === null ? html`<span class="map-note"> ${t('map.table.no_location')}</span>` : '';
            const label = t('map.table.practices_link', { count: c.practices, city: isolated(c.name, i18n.dir) });
            // A template, not JSX: the map tables 200 cities, and as JSX each row was some twenty nodes to build and serialise.
            return html`<tr><th scope="row"><a href="${cityHref(c.country, c.slug)}"><bdi>${c.name}</bdi></a>${note}</th><td><a href="${countryHref(c.country)}">${countryName(c.country, i18n.locale)}</a></td><td class="num"><a href="${hrefOf(c.country, c.slug)}" aria-label="${label}">${i18n.number(c.practices)}</a></td></tr>`;
          })}
        </tbody>
      </table>
    </div>
  );
};
