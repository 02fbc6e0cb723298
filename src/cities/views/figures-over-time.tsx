import type { Child, FC } from 'hono/jsx';
import { frameworkTextFor } from '../../framework/framework-text.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { usePage } from '../../views/page-context.ts';
import { axisNumber, figureCell, figureText, unitText } from '../figure-format.ts';
import { type FigurePart, isListIndicator, storedParts } from '../figure-parts.ts';
import type { FigureSeries } from '../figure-series.ts';
import { FigureChart } from './figure-chart.tsx';
import { PartsCell } from './figure-parts-list.tsx';

/** The source of a figure: its name, linked when it has a web address. */
const Source: FC<{ name: string; url: string | null }> = ({ name, url }) => (url ? <a href={url}>{name}</a> : name);

/** One indicator: a line chart when there are two years or more (not for lists), and every figure in a table. */
const IndicatorFigures: FC<{ series: FigureSeries; cityName: string; countryName: string }> = ({ series, cityName, countryName }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { text } = frameworkTextFor(i18n.locale);
  const { indicator } = series;
  const words = text.indicators[indicator.code];
  const title = words?.title ?? indicator.title;
  const unit = unitText(i18n, indicator, words?.unit ?? indicator.unit);
  const countryByYear = new Map(series.country.map((r) => [r.year, r]));
  const years = [...new Set([...series.city.map((r) => r.year), ...series.country.map((r) => r.year)])].sort((a, b) => a - b);
  const cityByYear = new Map(series.city.map((r) => [r.year, r]));
  const first = series.city[0];
  const last = series.city[series.city.length - 1];
  const format = (v: number) => axisNumber(i18n, indicator, v);
  const id = `figure-${indicator.code}`;
  return (
    <section class="indicator-figures" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p class="meta">{t('figures.unit_line', { unit })}</p>
      {series.city.length > 1 && !isListIndicator(indicator) && (
        <FigureChart
          title={t('figures.chart.title', { indicator: title, city: cityName, from: String(first.year), to: String(last.year) })}
          description={t('figures.chart.description', {
            count: series.city.length,
            from: String(first.year),
            first: figureText(i18n, indicator, first.value),
            to: String(last.year),
            last: figureText(i18n, indicator, last.value),
          })}
          points={series.city.map((r) => ({ year: r.year, value: r.value }))}
          comparison={series.country.length ? series.country.map((r) => ({ year: r.year, value: r.value })) : undefined}
          comparisonLabel={countryName}
          seriesLabel={cityName}
          format={format}
          rtl={i18n.dir === 'rtl'}
        />
      )}
      <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
        <table class="data-table figures-table">
          <caption id={`${id}-caption`} class="visually-hidden">
            {t('figures.table.caption', { indicator: title, city: cityName })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.table.year')}</th>
              <th scope="col">{cityName}</th>
              {series.country.length > 0 && <th scope="col">{countryName}</th>}
              <th scope="col">{t('figures.table.source')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => {
              const row = cityByYear.get(year);
              const national = countryByYear.get(year);
              return (
                <tr>
                  <th scope="row">{year}</th>
                  <td>{row ? valueCell(i18n, indicator, row.value, row.parts) : '—'}</td>
                  {series.country.length > 0 && <td>{national ? valueCell(i18n, indicator, national.value, national.parts) : '—'}</td>}
                  <td>
                    {row && <Source name={row.source_name} url={row.source_url} />}
                    {row?.basis && <span class="meta"> · {row.basis}</span>}
                    {row?.note && <span class="meta"> · {row.note}</span>}
                    {!row && national && <Source name={national.source_name} url={national.source_url} />}
                    {row?.example && <strong class="example-badge"> {t('figures.example')}</strong>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
};

/** A figure in a table cell: its number, or its list of pairs. */
const valueCell = (i18n: Translator, indicator: FigureSeries['indicator'], value: number, parts: FigurePart[] | string | null): Child =>
  isListIndicator(indicator) ? <PartsCell parts={storedParts(parts)} /> : figureCell(i18n, indicator, value);

/** A city's yearly figures, indicator by indicator, or a note on how they are recorded. */
export const FiguresOverTime: FC<{ series: FigureSeries[]; cityName: string; countryName: string; cityPath: string }> = ({
  series,
  cityName,
  countryName,
  cityPath: editBase,
}) => {
  const { t } = usePage().i18n;
  return (
    <section class="figures-over-time" aria-labelledby="figures-over-time">
      <h2 id="figures-over-time">{t('figures.heading')}</h2>
      <p class="meta">
        <a href={`${editBase}/figures/edit`}>{t('figures.edit.link')}</a>
      </p>
      {series.length === 0 ? (
        <p>
          {t('figures.none')} <a href="/self-assessment#indicators">{t('figures.none.framework')}</a>
        </p>
      ) : (
        series.map((s) => <IndicatorFigures series={s} cityName={cityName} countryName={countryName} />)
      )}
    </section>
  );
};
