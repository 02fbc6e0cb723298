import type { FC } from 'hono/jsx';
import { countryName } from '../../geo/countries.ts';
import { MapSvg } from '../../geo/map-svg.tsx';
import { cityFrame } from '../../geo/world-map.ts';
import { cityHref } from '../../practices/views/practice-links.ts';
import { cityLabel, isolated, localNames } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';
import type { CityRow } from '../city.repo.ts';
import { countryMapFrame, mappedCities } from '../place-frames.ts';
import { cityFilterValue } from '../place-search.ts';

/** A small map of the region around a city, with its marker linking to its practices. */
export const CityMap: FC<{ city: CityRow; practices: number }> = ({ city, practices }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = cityLabel(i18n, city.country, city.name);
  if (city.lat === null || city.lon === null) return <p class="map-note">{t('city.map.no_location', { city: isolated(name, i18n.dir) })}</p>;
  const label = t('map.marker', { city: isolated(name, i18n.dir), country: countryName(city.country, i18n.locale), count: practices });
  const marker = { lon: city.lon, lat: city.lat, count: 1, href: `/practices?city=${cityFilterValue(city.country, city.slug)}`, label, name };
  return (
    <figure class="place-map">
      <MapSvg
        frame={cityFrame(city.lon, city.lat, city.country)}
        markers={[marker]}
        id="city-map"
        title={t('city.map.title', { city: isolated(name, i18n.dir) })}
      />
      <figcaption>{t('place.map.caption')}</figcaption>
    </figure>
  );
};

/** A small map of a country, highlighted, with its cities that have practices as markers. */
export const CountryMap: FC<{ code: string; cities: (CityRow & { practices: number })[] }> = ({ code, cities }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const country = countryName(code, i18n.locale);
  const placed = mappedCities(cities);
  const frame = countryMapFrame(code, placed);
  if (!frame) return null;
  const markers = localNames(i18n, placed).map((c) => ({
    lon: c.lon as number,
    lat: c.lat as number,
    count: c.practices,
    href: cityHref(c.country, c.slug),
    label: t('map.marker', { city: isolated(c.name, i18n.dir), country, count: c.practices }),
    name: c.name,
  }));
  return (
    <figure class="place-map">
      <MapSvg frame={frame} markers={markers} id="country-map" title={t('country.map.title', { country })} />
      <figcaption>{t('place.map.caption')}</figcaption>
    </figure>
  );
};
