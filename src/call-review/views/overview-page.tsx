import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary, Field, Notice } from '../../views/form-parts.tsx';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { OverviewData, RankedApplication } from '../call-review.data.ts';
import type { ReviewedCall } from '../call-review.repo.ts';
import { callReviewPath, DecisionLabel, Score } from './review-parts.tsx';

/** The overview's props: its data, the CSRF token, a notice after a form, the pool form shown again. */
export interface OverviewPageProps extends OverviewData {
  csrf: string;
  /** The page of the ranked table (rowsPerPage applications each). */
  page?: number;
  notice?: string;
  poolForm?: { email: string; errors?: FieldErrors };
}

/** Applications per page of the ranked table: a large call's overview stays quick to send and to read. */
export const rowsPerPage = 200;

/** The pool of reviewers, adding one by email, and balanced assignment. */
const PoolSection: FC<Pick<OverviewPageProps, 'call' | 'pool' | 'csrf' | 'poolForm'>> = ({ call, pool, csrf, poolForm }) => {
  const { t } = usePage().i18n;
  const base = callReviewPath(call.slug);
  return (
    <section aria-labelledby="pool-heading">
      <h2 id="pool-heading">{t('call_review.pool.title')}</h2>
      {pool.length === 0 ? (
        <p>{t('call_review.pool.none')}</p>
      ) : (
        <ul class="review-pool">
          {pool.map((p) => (
            <li>
              <bdi>{p.name}</bdi>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/pool`} class="account-form">
        <CsrfInput token={csrf} />
        <ErrorSummary errors={poolForm?.errors} idPrefix="pool" />
        <Field name="email" type="email" label={t('call_review.pool.email')} value={poolForm?.email} errors={poolForm?.errors} idPrefix="pool" required />
        <button type="submit">{t('call_review.pool.add')}</button>
      </form>
      <form method="post" action={`${base}/assign-balanced`} class="inline-form">
        <CsrfInput token={csrf} />
        <p>{t('call_review.assign.balanced.hint', { count: call.reviewersPerApplication })}</p>
        <button type="submit">{t('call_review.assign.balanced')}</button>
      </form>
    </section>
  );
};

/** One ranked application: its progress, weighted mean, spread, flagged criteria and decision. */
const RankedRow: FC<{ a: RankedApplication; base: string; titles: Map<string, string> }> = ({ a, base, titles }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const active = a.reviewers.filter((r) => r.conflict !== true);
  const done = active.filter((r) => r.state === 'submitted').length;
  return (
    <tr>
      <td>{a.weightedMean === null ? '–' : a.rank}</td>
      <th scope="row">
        <a href={`${base}/applications/${a.id}`} dir="auto">
          {a.name || t('call_review.unnamed')}
        </a>
        {a.city && <span class="meta"> · {placeLabel(i18n, a.city, a.country ?? '')}</span>}
      </th>
      <td>{t('call_review.progress', { done, total: active.length })}</td>
      <td>
        <Score value={a.weightedMean} />
      </td>
      <td>
        <Score value={a.spread} />
      </td>
      <td>
        {a.flagged.length ? (
          <span class="review-flag">
            {t('call_review.flagged', { count: a.flagged.length })}:{' '}
            {a.flagged.map((k, i) => (
              <>
                {i > 0 && ', '}
                <bdi>{titles.get(k) ?? k}</bdi>
              </>
            ))}
          </span>
        ) : (
          '–'
        )}
      </td>
      <td>
        <DecisionLabel decision={a.decision} />
      </td>
    </tr>
  );
};

/** The ranked table, one page of it, with the rubric's weights above and the page links below. */
const RankedTable: FC<{ call: ReviewedCall; applications: RankedApplication[]; page: number }> = ({ call, applications, page }) => {
  const { t } = usePage().i18n;
  const base = callReviewPath(call.slug);
  const titles = new Map(call.rubric.map((c) => [c.key, c.title]));
  const pages = Math.max(1, Math.ceil(applications.length / rowsPerPage));
  const cols = ['rank', 'application', 'reviewers', 'mean', 'spread', 'flagged', 'decision'];
  return (
    <section aria-labelledby="apps-heading">
      <h2 id="apps-heading">{t('call_review.overview.applications')}</h2>
      {call.rubric.length > 0 && (
        <p class="meta">
          {t('call_review.overview.weights')}{' '}
          {call.rubric.map((c, i) => (
            <>
              {i > 0 && ', '}
              <bdi>{c.title}</bdi> × {c.weight}
            </>
          ))}
        </p>
      )}
      <div class="table-scroll" role="region" tabindex={0} aria-label={t('call_review.overview.caption')}>
        <table class="review-table">
          <caption class="visually-hidden">{t('call_review.overview.caption')}</caption>
          <thead>
            <tr>
              {cols.map((k) => (
                <th scope="col">{t(`call_review.col.${k}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {applications.slice((page - 1) * rowsPerPage, page * rowsPerPage).map((a) => (
              <RankedRow a={a} base={base} titles={titles} />
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav class="pagination" aria-label={t('call_review.pages')}>
          {page > 1 && <a href={`${base}?page=${page - 1}`}>{t('call_review.pages.previous')}</a>}{' '}
          <span>{t('call_review.pages.current', { page, pages })}</span>{' '}
          {page < pages && <a href={`${base}?page=${page + 1}`}>{t('call_review.pages.next')}</a>}
        </nav>
      )}
    </section>
  );
};

/** Releasing the decisions, or when they were released. */
const ReleaseSection: FC<{ call: ReviewedCall; decided: number; total: number; csrf: string }> = ({ call, decided, total, csrf }) => {
  const { t, date } = usePage().i18n;
  return (
    <section aria-labelledby="release-heading">
      <h2 id="release-heading">{t('call_review.release.title')}</h2>
      {call.decisionsReleasedAt ? (
        <p>{t('call_review.release.done', { date: date(call.decisionsReleasedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
      ) : (
        <form method="post" action={`${callReviewPath(call.slug)}/release`} class="inline-form">
          <CsrfInput token={csrf} />
          <p>{t('call_review.release.hint', { decided, total })}</p>
          <button type="submit">{t('call_review.release.submit')}</button>
        </form>
      )}
    </section>
  );
};

/**
 * The coordinator's overview of a call's review: the pool of reviewers (add by email), balanced
 * assignment, and every submitted application ranked with its reviewers' progress, weighted
 * mean, spread, flagged criteria and decision, each linking to its own page; then the release.
 */
export const OverviewPage: FC<OverviewPageProps> = ({ call, applications, pool, csrf, notice, poolForm, page = 1 }) => {
  const { t } = usePage().i18n;
  const base = callReviewPath(call.slug);
  const decided = applications.filter((a) => a.decision).length;
  return (
    <Layout title={t('call_review.overview.title', { call: call.title })} noindex>
      <h1>{t('call_review.overview.title', { call: call.title })}</h1>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      <p>
        {t('call_review.overview.summary', { applications: applications.length, reviewers: pool.length, decided })}{' '}
        <a href={`${base}/export.csv`}>{t('call_review.export.csv')}</a> · <a href={`${base}/export.zip`}>{t('call_review.export.zip')}</a>
      </p>
      <PoolSection call={call} pool={pool} csrf={csrf} poolForm={poolForm} />
      <RankedTable call={call} applications={applications} page={page} />
      <ReleaseSection call={call} decided={decided} total={applications.length} csrf={csrf} />
    </Layout>
  );
};
