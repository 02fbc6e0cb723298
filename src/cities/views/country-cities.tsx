import type { FC } from 'hono/jsx';
import { localNames } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';
import type { CityRow } from '../city.repo.ts';
import { foreignBornText, populationText } from './city-figures.tsx';
import { CityNameCell } from './city-name-cell.tsx';
import { sortForReading } from './reading-order.ts';

/** A figure cell; an unknown figure shows a dash that screen readers read as "not known". */
const Figure: FC<{ text: string | undefined }> = ({ text }) => {
  const { t } = usePage().i18n;
  if (text) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{t('place.figure.unknown')}</span>
    </>
  );
};

/** A country's cities as a table: figures with their year, and how many practices each has. */
export const CountryCities: FC<{ country: string; cities: (CityRow & { practices: number })[] }> = ({ country, cities }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  if (cities.length === 0) return null;
  return (
    <section>
      <h2 id="country-cities">{t('country.cities')}</h2>
      <div class="table-scroll" role="region" aria-labelledby="country-cities" tabindex={0}>
        <table class="data-table place-table">
          <caption class="visually-hidden">{t('country.cities.caption', { country })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('map.table.city')}</th>
              <th scope="col" class="num">
                {t('map.table.practices')}
              </th>
              <th scope="col" class="num">
                {t('city.figure.population')}
              </th>
              <th scope="col" class="num">
                {t('country.table.foreign_born')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sortForReading(localNames(i18n, cities), i18n.locale).map((c) => (
              <tr>
                <CityNameCell country={c.country} slug={c.slug} name={c.name} />
                <td class="num">{i18n.number(c.practices)}</td>
                <td class="num">
                  <Figure text={populationText(i18n, c)} />
                </td>
                <td class="num">
                  <Figure text={foreignBornText(i18n, c)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
