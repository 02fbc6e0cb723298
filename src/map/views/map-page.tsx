import type { FC } from 'hono/jsx';
import { countryName } from '../../geo/countries.ts';
import { type MapMarker, MapSvg } from '../../geo/map-svg.tsx';
import { worldFrame } from '../../geo/world-map.ts';
import { hasFilters, type ParseNotes, type SearchParams } from '../../search/search.params.ts';
import { isolated, localNames } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { MapData } from '../map.service.ts';
import { citySearchHrefs, mapHref } from '../map-links.ts';
import { CityCountTable } from './city-count-table.tsx';
import { MapFilters } from './map-filters.tsx';

/** The world map with its markers, then the same cities as a table: the cities with the most practices. */
const MapAndTable: FC<{ data: MapData; params: SearchParams }> = ({ data, params }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  // Most practices first, at most mapCityLimit (see loadMapData).
  const shown = data.cities;
  const hrefOf = citySearchHrefs(params);
  const markers: MapMarker[] = localNames(i18n, shown)
    .filter((c) => c.lat !== null && c.lon !== null)
    .map((c) => ({
      lon: c.lon as number,
      lat: c.lat as number,
      count: c.practices,
      href: hrefOf(c.country, c.slug),
      label: t('map.marker', { city: isolated(c.name, i18n.dir), country: countryName(c.country, i18n.locale), count: c.practices }),
    }));
  return (
    <>
      <p class="map-skip">
        <a href="#map-table">{t('map.skip')}</a>
      </p>
      <figure class="map-figure">
        <MapSvg frame={worldFrame()} markers={markers} id="world-map" title={t('map.svg.title')} description={t('map.svg.desc', { count: markers.length })} />
        <figcaption>{t('map.caption')}</figcaption>
      </figure>
      <CityCountTable cities={shown} total={data.cityCount} hrefOf={hrefOf} id="map-table" />
    </>
  );
};

/** GET /map: every city with practices matching the search, on a world map and in a table. */
export const MapPage: FC<{ data: MapData; params: SearchParams; notes: ParseNotes }> = ({ data, params, notes }) => {
  const { t } = usePage().i18n;
  const filtered = Boolean(params.q) || hasFilters(params);
  return (
    <Layout title={t(filtered ? 'map.title_filtered' : 'map.title')} description={t('map.description')} canonical={mapHref(params)} noindex={filtered}>
      <h1>{t(filtered ? 'map.title_filtered' : 'map.title')}</h1>
      <p class="lead">{t('map.intro')}</p>
      <MapFilters params={params} notes={notes} cityNames={data.filterCityNames} />
      <p class="map-summary">
        {data.cities.length > 0 && t('map.summary', { practices: data.placed, cities: data.cityCount, countries: data.countries })}
        {data.unplaced > 0 && ` ${t('map.unplaced', { count: data.unplaced })}`}
      </p>
      {data.cities.length > 0 ? (
        <MapAndTable data={data} params={params} />
      ) : (
        <div class="notice">
          <p>{t('map.empty')}</p>
          <p>
            <a href="/map">{t('map.empty.clear')}</a>
          </p>
        </div>
      )}
    </Layout>
  );
};
