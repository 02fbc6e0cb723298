import type { FC } from 'hono/jsx';
import type { Translator } from '../../i18n/i18n.ts';
import { usePage } from '../../views/page-context.ts';
import type { CityRow } from '../city.repo.ts';

type Figures = Pick<CityRow, 'population' | 'population_year' | 'foreign_born_share' | 'foreign_born_year' | 'source_url'>;

/** "1,800,000 (2011)": a figure with the year it refers to, when known. */
function withYear(i18n: Translator, value: string, year: number | null): string {
  return year ? i18n.t('city.figure.with_year', { value, year: String(year) }) : value;
}

/** A city's population with its year, in the reader's number format; undefined when unknown. */
export function populationText(i18n: Translator, city: Figures): string | undefined {
  return city.population === null ? undefined : withYear(i18n, i18n.number(city.population), city.population_year);
}

/** The share of residents born abroad (stored in percent) with its year; undefined when unknown. */
export function foreignBornText(i18n: Translator, city: Figures): string | undefined {
  if (city.foreign_born_share === null) return undefined;
  return withYear(i18n, i18n.number(city.foreign_born_share / 100, { style: 'percent', maximumFractionDigits: 1 }), city.foreign_born_year);
}

/** The source as a link named by its site, or nothing when it is not a web address. */
const SourceLink: FC<{ url: string }> = ({ url }) => {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return <>{url}</>;
  return <a href={parsed.href}>{parsed.hostname.replace(/^www\./, '')}</a>;
};

/**
 * A city's latest figures with their year and source, or a note that none are recorded. With
 * `sourcesBelow`, each figure's source is in the yearly tables further down the page, and the
 * source line points there (the city's one recorded source may no longer be the latest's).
 */
export const CityFigures: FC<{ city: Figures; sourcesBelow?: boolean }> = ({ city, sourcesBelow = false }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const population = populationText(i18n, city);
  const foreignBorn = foreignBornText(i18n, city);
  if (!population && !foreignBorn) return <p>{t('city.figures.none')}</p>;
  return (
    <dl class="facts">
      {population && (
        <>
          <dt>{t('city.figure.population')}</dt>
          <dd>{population}</dd>
        </>
      )}
      {foreignBorn && (
        <>
          <dt>{t('city.figure.foreign_born')}</dt>
          <dd>{foreignBorn}</dd>
        </>
      )}
      {sourcesBelow ? (
        <>
          <dt>{t('city.figure.source')}</dt>
          <dd>
            <a href="#figures-over-time">{t('city.figure.sources_below')}</a>
          </dd>
        </>
      ) : (
        city.source_url && (
          <>
            <dt>{t('city.figure.source')}</dt>
            <dd>
              <SourceLink url={city.source_url} />
            </dd>
          </>
        )
      )}
    </dl>
  );
};
