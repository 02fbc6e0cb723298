import type { FC } from 'hono/jsx';
import { countryName } from '../../geo/countries.ts';
import { searchHref } from '../../practices/views/practice-links.ts';
import { regionLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { CountryPageData } from '../city.service.ts';
import { CountryCities } from './country-cities.tsx';
import { CountryMap } from './place-maps.tsx';
import { PlaceBreadcrumbs, PlacePracticeList } from './place-parts.tsx';

/** The UN M49 regions a country belongs to, each a link to the search filtered by it. */
const CountryRegions: FC<{ regions: CountryPageData['regions'] }> = ({ regions }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const rows = [
    ['country.region', regions.region],
    ['country.subregion', regions.subregion],
    ['country.intermediate', regions.intermediate],
  ].filter((r): r is [string, string] => r[1] !== null);
  if (rows.length === 0) return null;
  return (
    <dl class="facts">
      {rows.map(([key, code]) => (
        <>
          <dt>{t(key)}</dt>
          <dd>
            <a href={searchHref('region', code)}>{regionLabel(i18n, code)}</a>
          </dd>
        </>
      ))}
    </dl>
  );
};

/** GET /countries/{code}: a country's regions, its cities with figures, a small map, and its practices. */
export const CountryPage: FC<{ data: CountryPageData; canonical: string }> = ({ data, canonical }) => {
  const { i18n, publicUrl } = usePage();
  const { t } = i18n;
  const country = countryName(data.code, i18n.locale);
  return (
    <Layout
      title={country}
      description={t('country.description', { country, count: data.practices.total })}
      canonical={canonical}
      jsonLd={{ '@context': 'https://schema.org', '@type': 'Country', name: country, identifier: data.code, url: `${publicUrl}${canonical}` }}
    >
      <PlaceBreadcrumbs trail={[]} current={country} />
      <h1>{country}</h1>
      <div class="place-layout">
        <div>
          <CountryRegions regions={data.regions} />
          <CountryCities country={country} cities={data.cities} />
        </div>
        <aside aria-label={t('country.map.aside')}>
          <CountryMap code={data.code} cities={data.cities} />
        </aside>
      </div>
      <PlacePracticeList
        heading={t('country.practices', { country })}
        place={country}
        practices={data.practices}
        searchHref={`/practices?country=${data.code}`}
        mapHref={`/map?country=${data.code}`}
      />
    </Layout>
  );
};
