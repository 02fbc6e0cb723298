import type { FC } from 'hono/jsx';
import type { CityCount } from '../../cities/city.repo.ts';
import { CityNameCell } from '../../cities/views/city-name-cell.tsx';
import { sortForReading } from '../../cities/views/reading-order.ts';
import { countryName } from '../../geo/countries.ts';
import { countryHref } from '../../practices/views/practice-links.ts';
import type { SearchParams } from '../../search/search.params.ts';
import { isolated, localNames } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';
import { citySearchHref } from '../map-links.ts';

/**
 * The map's data as a table: the accessible, no-JavaScript equivalent of the markers, with
 * links to each city's page, its country's page and its practices in the search. When only
 * some of the `total` cities are shown, the caption says which and where the others are.
 */
export const CityCountTable: FC<{ cities: CityCount[]; total: number; params: SearchParams; id: string }> = ({ cities, total, params, id }) => {
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
          {sortForReading(localNames(i18n, cities), i18n.locale).map((c) => (
            <tr>
              <CityNameCell country={c.country} slug={c.slug} name={c.name}>
                {(c.lat === null || c.lon === null) && <span class="map-note"> {t('map.table.no_location')}</span>}
              </CityNameCell>
              <td>
                <a href={countryHref(c.country)}>{countryName(c.country, i18n.locale)}</a>
              </td>
              <td class="num">
                <a
                  href={citySearchHref(params, c.country, c.slug)}
                  aria-label={t('map.table.practices_link', { count: c.practices, city: isolated(c.name, i18n.dir) })}
                >
                  {i18n.number(c.practices)}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
