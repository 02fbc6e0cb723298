import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { FeedbackData } from '../call-review.data.ts';
import { DecisionLabel, Score } from './review-parts.tsx';

/**
 * An applicant's feedback: the decision and the coordinator's message, their weighted score and
 * per criterion, the score that was needed, and each reviewer's scores and comments as
 * "Reviewer 1, 2…".
 */
export const FeedbackPage: FC<FeedbackData> = ({ call, application, aggregate, comments, needed }) => {
  const { t } = usePage().i18n;
  const titles = new Map(call.rubric.map((c) => [c.key, c.title]));
  return (
    <Layout title={t('call_review.feedback.title', { call: call.title })} noindex>
      <h1>{t('call_review.feedback.title', { call: call.title })}</h1>
      <p dir="auto">
        <bdi>{application.name}</bdi>
      </p>
      <section aria-labelledby="decision-heading" class="feedback-decision">
        <h2 id="decision-heading">{t('call_review.col.decision')}</h2>
        <p class="feedback-decision__word">
          <DecisionLabel decision={application.decision} />
        </p>
        {application.message && (
          <p dir="auto" class="feedback-message">
            {application.message}
          </p>
        )}
      </section>
      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">{t('call_review.feedback.scores')}</h2>
        <p>
          {t('call_review.feedback.yours')}{' '}
          <strong>
            <Score value={aggregate.weightedMean} />
          </strong>{' '}
          · {t('call_review.feedback.needed')}{' '}
          <strong>
            <Score value={needed} />
          </strong>
        </p>
        <div class="table-scroll" role="region" tabindex={0} aria-label={t('call_review.feedback.scores')}>
          <table class="review-table">
            <caption class="visually-hidden">{t('call_review.feedback.scores')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('call_review.feedback.criterion')}</th>
                <th scope="col">{t('call_review.feedback.weight')}</th>
                <th scope="col">{t('call_review.feedback.mean')}</th>
              </tr>
            </thead>
            <tbody>
              {call.rubric.map((c) => (
                <tr>
                  <th scope="row">
                    <bdi>{c.title}</bdi>
                  </th>
                  <td>{c.weight}</td>
                  <td>
                    <Score value={aggregate.criteria.find((x) => x.key === c.key)?.mean ?? null} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t('call_review.feedback.comments')}</h2>
        {comments.length === 0 && <p>{t('call_review.review.others_none')}</p>}
        {comments.map((r) => (
          <article class="review-card">
            <h3>{t('call_review.reviewer_n', { n: r.reviewer })}</h3>
            <dl class="review-scores">
              {r.byCriterion.map((x) => (
                <>
                  <dt>
                    <bdi>{titles.get(x.key) ?? x.key}</bdi>: {x.score ?? '–'}
                  </dt>
                  <dd dir="auto">{x.comment || '–'}</dd>
                </>
              ))}
            </dl>
          </article>
        ))}
      </section>
    </Layout>
  );
};
