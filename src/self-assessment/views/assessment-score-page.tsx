import type { FC } from 'hono/jsx';
import { type AssessmentScore, type DimensionScore, provisionalBelow } from '../../framework/scoring.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { ScorePageData, SnapshotSummary } from '../score-page.types.ts';
import { DimensionBars } from './dimension-bars.tsx';
import { PeerComparison } from './peer-comparison.tsx';
import { Recommendations } from './recommendations.tsx';
import { Shortlist } from './shortlist.tsx';

/**
 * The address of a city's self-assessment score page.
 * @example assessmentPath({ country: 'BE', slug: 'ghent' }) // '/cities/be/ghent/assessment'
 */
export const assessmentPath = (city: { country: string; slug: string }) => `/cities/${city.country.toLowerCase()}/${encodeURIComponent(city.slug)}/assessment`;

/** A score as pages show it: a whole number, or null for "not assessed". */
const shown = (score: number | null) => (score === null ? null : Math.round(score));

/**
 * The change between two scores as shown: the difference of the whole numbers, not of the
 * unrounded scores, so it always matches the numbers on the page; null when either is missing.
 */
const changeOf = (current: number | null, previous: number | null | undefined) => {
  const now = shown(current);
  const then = shown(previous ?? null);
  return now === null || then === null ? null : now - then;
};

/** The message values of a change: its direction and size. */
const changeValues = (points: number) => ({ direction: points > 0 ? 'up' : points < 0 ? 'down' : 'same', points: Math.abs(points) });

/** "7 of 9 questions (78 %)" in the reader's language. */
const coverageText = (i18n: Translator, s: DimensionScore) =>
  i18n.t('score.coverage', { answered: s.answered, total: s.total, percent: i18n.number(s.coverage, { style: 'percent', maximumFractionDigits: 0 }) });

/**
 * GET /cities/{country}/{slug}/assessment: a city's published self-assessment — the overall
 * index with its coverage and whether it is provisional, the change since the previous snapshot,
 * each dimension as a bar chart and a table, and the city's other snapshots. Example data and
 * private snapshots say so at the top.
 * @example <AssessmentScorePage data={{ city, snapshot, score: scoreAssessment(framework, answers), snapshots: [snapshot], canAnswer: false }} />
 */
export const AssessmentScorePage: FC<{ data: ScorePageData }> = ({ data }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { city, snapshot, score, previous, snapshots, canAnswer } = data;
  const cityPath = `/cities/${city.country.toLowerCase()}/${encodeURIComponent(city.slug)}`;
  const title = t('score.title', { city: city.name });
  const previousDate = previous ? i18n.date(previous.snapshot.publishedAt) : undefined;
  const codes = Object.keys(score.dimensions);
  return (
    <Layout
      title={title}
      description={t('score.description', { city: city.name, count: codes.length })}
      canonical={assessmentPath(city)}
      noindex={snapshot.visibility === 'private'}
    >
      <nav class="breadcrumbs" aria-label={t('score.breadcrumbs')}>
        <ol>
          <li>
            <a href={cityPath}>{city.name}</a>
          </li>
          <li aria-current="page">{t('score.breadcrumb')}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      {snapshot.example && (
        <p class="notice" role="note">
          <strong>{t('score.example', { city: city.name })}</strong>
        </p>
      )}
      {snapshot.visibility === 'private' && (
        <p class="notice notice--quiet" role="note">
          {t('score.private')}
        </p>
      )}
      <p>
        {t('score.published', { date: i18n.date(snapshot.publishedAt) })} ·{' '}
        <a href="/self-assessment">{t('score.framework_version', { version: snapshot.frameworkVersion })}</a>
      </p>
      <OverallIndex score={score} previous={previous?.score} previousDate={previousDate} />
      <section aria-labelledby="score-dimensions">
        <h2 id="score-dimensions">{t('score.dimensions.heading')}</h2>
        <DimensionBars
          title={t('score.chart.title', { count: codes.length })}
          description={t('score.chart.description', {
            assessed: codes.filter((c) => score.dimensions[c].score !== null).length,
            count: codes.length,
            previous: previousDate ?? 'none',
          })}
          rtl={i18n.dir === 'rtl'}
          notAssessedLabel={t('score.not_assessed')}
          previousLabel={previousDate && t('score.chart.previous', { date: previousDate })}
          rows={codes.map((code) => ({
            code,
            label: t(`sa.dimension.${code}`),
            score: score.dimensions[code].score,
            previous: previous?.score.dimensions[code]?.score,
          }))}
        />
        <DimensionTable score={score} previous={previous?.score} previousDate={previousDate} />
      </section>
      {data.peers && <PeerComparison groups={data.peers} score={score} example={snapshot.example} />}
      {data.recommendations && (
        <Recommendations
          groups={data.recommendations}
          cityName={city.name}
          actions={canAnswer && data.csrf ? { action: `${assessmentPath(city)}/recommendations`, csrf: data.csrf, snapshot: snapshot.id } : undefined}
        />
      )}
      {data.shortlist && <Shortlist items={data.shortlist} action={`${assessmentPath(city)}/recommendations`} csrf={data.csrf ?? ''} snapshot={snapshot.id} />}
      <SnapshotList city={city} current={snapshot.id} snapshots={snapshots} />
      {canAnswer && (
        <p>
          <a href={`${assessmentPath(city)}/edit`}>{t('score.answer_again')}</a>
        </p>
      )}
    </Layout>
  );
};

/** The overall index out of 100, its coverage, its change, and why it is provisional when it is. */
const OverallIndex: FC<{ score: AssessmentScore; previous?: AssessmentScore; previousDate?: string }> = ({ score, previous, previousDate }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { overall } = score;
  const value = shown(overall.score);
  const change = previous ? changeOf(overall.score, previous.overall.score) : null;
  const notAssessed = Object.values(score.dimensions).filter((d) => d.score === null).length;
  return (
    <section class="score-overall" aria-labelledby="score-overall">
      <h2 id="score-overall">{t('score.overall.heading')}</h2>
      <p class="score-overall__value">
        <strong>{value === null ? t('score.not_assessed') : t('score.out_of', { score: value })}</strong>
      </p>
      <p>{t('score.overall.coverage', { coverage: coverageText(i18n, overall) })}</p>
      {change !== null && previousDate && <p>{t('score.change_since', { ...changeValues(change), date: previousDate })}</p>}
      {overall.provisional && (
        <div class="notice notice--quiet" role="note">
          <p>
            <strong>{t('score.provisional')}</strong>
          </p>
          <ul>
            {overall.coverage < provisionalBelow && (
              <li>{t('score.provisional.coverage', { threshold: i18n.number(provisionalBelow, { style: 'percent', maximumFractionDigits: 0 }) })}</li>
            )}
            {notAssessed > 0 && <li>{t('score.provisional.not_assessed', { count: notAssessed })}</li>}
          </ul>
        </div>
      )}
      <p>
        <a href="/self-assessment#scoring">{t('score.rules')}</a>
      </p>
    </section>
  );
};

/** The dimension scores as a table: the chart's numbers for reading and copying, with coverage and change. */
const DimensionTable: FC<{ score: AssessmentScore; previous?: AssessmentScore; previousDate?: string }> = ({ score, previous, previousDate }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <div class="table-scroll" role="region" aria-labelledby="score-table-caption" tabindex={0}>
      <table class="data-table score-table">
        <caption id="score-table-caption">{t('score.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('score.table.dimension')}</th>
            <th scope="col" class="num">
              {t('score.table.score')}
            </th>
            <th scope="col">{t('score.table.coverage')}</th>
            {previous && previousDate && (
              <th scope="col" class="num">
                {t('score.table.change', { date: previousDate })}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {Object.entries(score.dimensions).map(([code, d]) => {
            const value = shown(d.score);
            const change = previous ? changeOf(d.score, previous.dimensions[code]?.score) : null;
            return (
              <tr>
                <th scope="row">{t(`sa.dimension.${code}`)}</th>
                <td class="num">{value === null ? t('score.not_assessed') : i18n.number(value)}</td>
                <td>{coverageText(i18n, d)}</td>
                {previous && previousDate && <td class="num">{change === null ? t('score.change.unknown') : t('score.change', changeValues(change))}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};

/** The city's snapshots the reader may see, newest first, each a link; the one shown is marked. */
const SnapshotList: FC<{ city: ScorePageData['city']; current: string; snapshots: SnapshotSummary[] }> = ({ city, current, snapshots }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <section aria-labelledby="score-snapshots">
      <h2 id="score-snapshots">{t('score.snapshots.heading')}</h2>
      <ul class="score-snapshots">
        {snapshots.map((s) => (
          <li>
            <a href={`${assessmentPath(city)}?snapshot=${encodeURIComponent(s.id)}`} aria-current={s.id === current ? 'page' : undefined}>
              {i18n.date(s.publishedAt)}
            </a>{' '}
            · {t('score.framework_version', { version: s.frameworkVersion })}
            {s.visibility === 'private' && <strong class="score-snapshots__tag"> · {t('score.snapshot.private')}</strong>}
            {s.example && <strong class="score-snapshots__tag"> · {t('score.snapshot.example')}</strong>}
          </li>
        ))}
      </ul>
    </section>
  );
};
