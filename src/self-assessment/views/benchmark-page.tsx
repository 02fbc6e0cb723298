import type { FC } from 'hono/jsx';
import { framework } from '../../framework/framework.ts';
import { countryName } from '../../geo/countries.ts';
import { FilterSelect } from '../../views/filter-select.tsx';
import { cityLabel, regionLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { type BenchmarkQuery, benchmarkRegions } from '../benchmark.query.ts';
import type { BenchmarkRow } from '../benchmark.service.ts';
import { sizeBands } from '../size-band.ts';
import { assessmentPath } from './assessment-score-page.tsx';

/** The same filters as a query string, for the download link. */
const queryOf = (q: BenchmarkQuery) => new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string')).toString();

/**
 * GET /benchmark: every city's latest public self-assessment index in one table, filtered by
 * UN region and size band, on the overall index or one dimension, ordered by score, city or
 * coverage, and downloadable as CSV. Private snapshots never appear.
 */
export const BenchmarkPage: FC<{ rows: BenchmarkRow[]; query: BenchmarkQuery; examples: boolean }> = ({ rows, query, examples }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const measured = query.dimension ? t(`sa.dimension.${query.dimension}`) : t('bench.overall');
  const download = `/benchmark.csv${queryOf(query) ? `?${queryOf(query)}` : ''}`;
  return (
    <Layout title={t('bench.title')} description={t('bench.description')} canonical="/benchmark">
      <h1>{t('bench.title')}</h1>
      <p class="lead">{t('bench.lead')}</p>
      {examples && rows.length > 0 && (
        <p class="notice" role="note">
          <strong>{t('bench.examples')}</strong>
        </p>
      )}
      <form method="get" action="/benchmark" class="filter-form">
        <FilterSelect
          name="region"
          label={t('bench.filter.region')}
          value={query.region}
          all={t('bench.filter.all_regions')}
          choices={benchmarkRegions.map((r) => ({ value: r, label: regionLabel(i18n, r) }))}
        />
        <FilterSelect
          name="band"
          label={t('bench.filter.band')}
          value={query.band}
          all={t('bench.filter.all_sizes')}
          choices={sizeBands.map((b) => ({ value: b, label: t(`band.${b}`) }))}
        />
        <FilterSelect
          name="dimension"
          label={t('bench.filter.dimension')}
          value={query.dimension}
          all={t('bench.overall')}
          choices={framework.dimensions.map((d) => ({ value: d.code, label: t(`sa.dimension.${d.code}`) }))}
        />
        <FilterSelect
          name="sort"
          label={t('bench.filter.sort')}
          value={query.sort}
          all={t('bench.sort.score')}
          choices={['city', 'coverage'].map((s) => ({ value: s, label: t(`bench.sort.${s}`) }))}
        />
        <button type="submit">{t('bench.apply')}</button>
      </form>
      <p>
        <a href={download}>{t('bench.download')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t(examples ? 'bench.none' : 'bench.none_filtered')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="bench-caption" tabindex={0}>
          <table class="data-table">
            <caption id="bench-caption">{t('bench.caption', { measure: measured, count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bench.col.city')}</th>
                <th scope="col">{t('bench.col.region')}</th>
                <th scope="col">{t('bench.col.band')}</th>
                <th scope="col" class="num">
                  {measured}
                </th>
                <th scope="col" class="num">
                  {t('bench.col.coverage')}
                </th>
                <th scope="col">{t('bench.col.published')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={assessmentPath(r)}>{cityLabel(i18n, r.country, r.name)}</a>, {countryName(r.country, i18n.locale)}
                    {r.example && <span class="meta"> · {t('bench.example')}</span>}
                  </th>
                  <td>{r.region ? regionLabel(i18n, r.region) : '—'}</td>
                  <td>{r.band ? t(`band.${r.band}`) : t('bench.band_unknown')}</td>
                  <td class="num">{r.score === null ? t('score.not_assessed') : Math.round(r.score)}</td>
                  <td class="num">{i18n.number(r.coverage, { style: 'percent', maximumFractionDigits: 0 })}</td>
                  <td>{i18n.date(r.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
};
