import type { FC } from 'hono/jsx';
import { CityExchanges } from '../../exchanges/views/city-exchanges.tsx';
import { countryName } from '../../geo/countries.ts';
import { countryHref } from '../../practices/views/practice-links.ts';
import { LinkedResources } from '../../resources/views/linked-resources.tsx';
import { FollowForm } from '../../views/follow-form.tsx';
import { cityLabel, isolated, regionLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { CityPageData } from '../city.service.ts';
import { cityFilterValue } from '../place-search.ts';
import { CityFigures } from './city-figures.tsx';
import { FiguresOverTime } from './figures-over-time.tsx';
import { CityMap } from './place-maps.tsx';
import { PlaceBreadcrumbs, PlacePracticeList } from './place-parts.tsx';

/** schema.org description of the city, for search engines and harvesters. */
function cityJsonLd(data: CityPageData, country: string, url: string) {
  const { city } = data;
  return {
    '@context': 'https://schema.org',
    '@type': 'City',
    name: city.name,
    url,
    containedInPlace: { '@type': 'Country', name: country, identifier: city.country },
    ...(city.lat !== null && city.lon !== null ? { geo: { '@type': 'GeoCoordinates', latitude: city.lat, longitude: city.lon } } : {}),
  };
}

/** GET /cities/{country}/{slug}: a city's figures with source and year, a small map, and its practices. */
export const CityPage: FC<{ data: CityPageData; canonical: string }> = ({ data, canonical }) => {
  const { i18n, publicUrl } = usePage();
  const { t } = i18n;
  const { city, regions, practices } = data;
  const country = countryName(city.country, i18n.locale);
  // The city's name in the reader's language where CLDR has one (柏林, برلين); the data keeps the recorded name.
  const name = cityLabel(i18n, city.country, city.name);
  const filter = cityFilterValue(city.country, city.slug);
  const cityPath = `/cities/${city.country.toLowerCase()}/${encodeURIComponent(city.slug)}`;
  return (
    <Layout
      title={t('city.title', { city: isolated(name, i18n.dir), country })}
      description={t('city.description', { city: isolated(name, i18n.dir), country, count: practices.total })}
      canonical={canonical}
      jsonLd={cityJsonLd(data, country, `${publicUrl}${canonical}`)}
    >
      <PlaceBreadcrumbs trail={[{ href: countryHref(city.country), label: country }]} current={name} />
      <h1>{name}</h1>
      <p class="place-subtitle">
        <a href={countryHref(city.country)}>{country}</a>
        {regions.subregion && ` · ${regionLabel(i18n, regions.subregion)}`}
      </p>
      <FollowForm kind="city" target={`${city.country.toLowerCase()}/${city.slug}`} label={name} back={cityPath} />
      <div class="place-layout">
        <div>
          <h2>{t('city.figures')}</h2>
          <CityFigures city={city} sourcesBelow={data.figures.length > 0} />
          <p class="meta">
            <a href={`/api/v1/cities/${city.country.toLowerCase()}/${encodeURIComponent(city.slug)}`}>{t('city.figures.json')}</a> ·{' '}
            <a href="/self-assessment">{t('city.figures.framework')}</a>
          </p>
        </div>
        <aside aria-label={t('city.map.aside')}>
          <CityMap city={city} practices={practices.total} />
        </aside>
      </div>
      <section aria-labelledby="city-assessment">
        <h2 id="city-assessment">{t('city.assessment.heading')}</h2>
        {data.assessment ? (
          <p>
            <a href={`${cityPath}/assessment`}>
              {t(data.assessment.example ? 'city.assessment.example' : 'city.assessment.scores', {
                city: isolated(name, i18n.dir),
                date: i18n.date(data.assessment.at),
              })}
            </a>
          </p>
        ) : (
          <p>{t('city.assessment.none', { city: isolated(name, i18n.dir) })}</p>
        )}
        <p class="meta">
          <a href={`${cityPath}/assessment/edit`}>{t('city.assessment.answer')}</a>
        </p>
      </section>
      <FiguresOverTime series={data.figures} cityName={name} countryName={country} cityPath={cityPath} />
      <CityExchanges city={city} exchanges={data.exchanges} />
      <LinkedResources resources={data.resources} />
      <PlacePracticeList
        heading={t('city.practices', { city: isolated(name, i18n.dir) })}
        place={isolated(name, i18n.dir)}
        practices={practices}
        searchHref={`/practices?city=${filter}`}
        mapHref={`/map?city=${filter}`}
      />
    </Layout>
  );
};
