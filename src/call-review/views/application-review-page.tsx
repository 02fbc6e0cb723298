import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary, Field, Notice, TextAreaField } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { RankedApplication } from '../call-review.data.ts';
import type { ReviewedCall } from '../call-review.repo.ts';
import { maxComment } from '../call-review.schema.ts';
import { callReviewPath, DecisionLabel, Score } from './review-parts.tsx';

/** The coordinator's page of one application: props. */
export interface ApplicationReviewPageProps {
  call: ReviewedCall;
  application: RankedApplication;
  csrf: string;
  notice?: string;
  assign?: { email: string; errors?: FieldErrors };
  decide?: { decision: string; message: string; errors?: FieldErrors };
}

/**
 * The coordinator's page of one application: its reviewers (a declared conflict named as such),
 * each submitted review's scores and comments per criterion, the aggregate, assigning a
 * reviewer by email, and the decision with its message.
 */
export const ApplicationReviewPage: FC<ApplicationReviewPageProps> = ({ call, application: a, csrf, notice, assign, decide }) => {
  const { t } = usePage().i18n;
  const base = `${callReviewPath(call.slug)}/applications/${a.id}`;
  const released = !!call.decisionsReleasedAt;
  const decision = decide?.decision ?? a.decision ?? '';
  return (
    <Layout title={a.name || t('call_review.unnamed')} noindex>
      <p>
        <a href={callReviewPath(call.slug)}>{t('call_review.back_to_overview', { call: call.title })}</a>
      </p>
      <h1 dir="auto">{a.name || t('call_review.unnamed')}</h1>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      <p>
        {t('call_review.col.mean')}: <Score value={a.weightedMean} /> · {t('call_review.col.spread')}: <Score value={a.spread} /> ·{' '}
        {t('call_review.col.decision')}: <DecisionLabel decision={a.decision} />
      </p>
      <section aria-labelledby="reviewers-heading">
        <h2 id="reviewers-heading">{t('call_review.col.reviewers')}</h2>
        {a.reviewers.length === 0 && <p>{t('call_review.reviewers.none')}</p>}
        {a.reviewers.map((r) => (
          <article class="review-card">
            <h3>
              <bdi>{r.name}</bdi> <span class="meta">· {t(r.conflict ? 'call_review.state.conflict' : `call_review.state.${r.state ?? 'none'}`)}</span>
            </h3>
            {r.scores && (
              <dl class="review-scores">
                {call.rubric.map((c) => (
                  <>
                    <dt>
                      <bdi>{c.title}</bdi>: {r.scores?.[c.key]?.score ?? '–'}
                    </dt>
                    <dd dir="auto">{r.scores?.[c.key]?.comment || '–'}</dd>
                  </>
                ))}
              </dl>
            )}
          </article>
        ))}
        {!released && (
          <form method="post" action={`${base}/assign`} class="account-form">
            <CsrfInput token={csrf} />
            <ErrorSummary errors={assign?.errors} idPrefix="assign" />
            <Field name="email" type="email" label={t('call_review.assign.email')} value={assign?.email} errors={assign?.errors} idPrefix="assign" required />
            <button type="submit">{t('call_review.assign.submit')}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">{t('call_review.col.decision')}</h2>
        {released ? (
          <p>
            <DecisionLabel decision={a.decision} />
          </p>
        ) : (
          <form method="post" action={`${base}/decision`} class="account-form">
            <CsrfInput token={csrf} />
            <ErrorSummary errors={decide?.errors} idPrefix="decide" />
            <fieldset class={decide?.errors?.decision ? 'form-field form-field--error' : 'form-field'}>
              <legend>{t('call_review.decision.label')}</legend>
              {decide?.errors?.decision && (
                <p class="form-field__error" id="decide-decision">
                  {t(decide.errors.decision)}
                </p>
              )}
              {(['selected', 'waiting_list', 'not_selected'] as const).map((d) => (
                <div class="form-check">
                  <input type="radio" id={`decide-${d}`} name="decision" value={d} checked={decision === d} />
                  <label for={`decide-${d}`}>{t(`call_review.decision.${d}`)}</label>
                </div>
              ))}
            </fieldset>
            <TextAreaField
              name="message"
              label={t('call_review.decision.message')}
              hint={t('call_review.decision.message.hint')}
              value={decide?.message ?? a.decisionMessage ?? ''}
              errors={decide?.errors}
              idPrefix="decide"
              maxlength={maxComment}
              rows={4}
            />
            <button type="submit">{t('call_review.decision.submit')}</button>
          </form>
        )}
      </section>
    </Layout>
  );
};
