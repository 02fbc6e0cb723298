import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary, Notice, TextAreaField } from '../../views/form-parts.tsx';
import { isolated, placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { ReviewPageData } from '../call-review.data.ts';
import { maxComment, type ReviewFormValues } from '../call-review.schema.ts';

/** The review page's props: its data, the CSRF token, a notice, the form shown again after a refusal. */
export interface ReviewPageProps extends ReviewPageData {
  csrf: string;
  notice?: string;
  form?: { values: ReviewFormValues; errors: FieldErrors };
  conflictErrors?: FieldErrors;
}

/** The conflict-of-interest question, asked before anything can be scored. */
const ConflictForm: FC<{ id: number; csrf: string; errors?: FieldErrors }> = ({ id, csrf, errors }) => {
  const { t } = usePage().i18n;
  return (
    <form method="post" action={`/reviews/${id}/conflict`} class="account-form">
      <h2>{t('call_review.conflict.title')}</h2>
      <p>{t('call_review.conflict.intro')}</p>
      <CsrfInput token={csrf} />
      <ErrorSummary errors={errors} idPrefix="conflict" />
      <fieldset class={errors?.conflict ? 'form-field form-field--error' : 'form-field'}>
        <legend>{t('call_review.conflict.question')}</legend>
        {errors?.conflict && (
          <p class="form-field__error" id="conflict-conflict">
            {t(errors.conflict)}
          </p>
        )}
        <div class="form-check">
          <input type="radio" id="conflict-no" name="conflict" value="no" />
          <label for="conflict-no">{t('call_review.conflict.no')}</label>
        </div>
        <div class="form-check">
          <input type="radio" id="conflict-yes" name="conflict" value="yes" />
          <label for="conflict-yes">{t('call_review.conflict.yes')}</label>
        </div>
      </fieldset>
      <TextAreaField name="note" label={t('call_review.conflict.note')} errors={errors} idPrefix="conflict" maxlength={maxComment} rows={3} />
      <button type="submit">{t('call_review.conflict.submit')}</button>
    </form>
  );
};

/** One criterion's 1–5 choice (each anchor shown) and the comment. */
const CriterionFields: FC<{ c: ReviewPageData['call']['rubric'][number]; values: ReviewFormValues; errors?: FieldErrors; locked: boolean }> = ({
  c,
  values,
  errors,
  locked,
}) => {
  const { t } = usePage().i18n;
  const error = errors?.[`score_${c.key}`];
  return (
    <fieldset class={error ? 'form-field form-field--error review-criterion' : 'form-field review-criterion'}>
      <legend>
        <bdi>{c.title}</bdi> <span class="meta">{t('call_review.weight', { weight: c.weight })}</span>
      </legend>
      {c.description && <p dir="auto">{c.description}</p>}
      {error && (
        <p class="form-field__error" id={`f-score_${c.key}`}>
          {t(error)}
        </p>
      )}
      {(['1', '2', '3', '4', '5'] as const).map((n) => (
        <div class="form-check">
          <input type="radio" id={`score-${c.key}-${n}`} name={`score_${c.key}`} value={n} checked={values[`score_${c.key}`] === n} disabled={locked} />
          <label for={`score-${c.key}-${n}`}>
            <strong>{n}</strong> <span dir="auto">{c.anchors[n]}</span>
          </label>
        </div>
      ))}
      {locked ? (
        <p dir="auto">{values[`comment_${c.key}`] || '–'}</p>
      ) : (
        <TextAreaField
          name={`comment_${c.key}`}
          label={t('call_review.comment')}
          value={values[`comment_${c.key}`]}
          errors={errors}
          maxlength={maxComment}
          rows={3}
        />
      )}
    </fieldset>
  );
};

/** The other reviewers' submitted scores, anonymised, shown only once the reader submitted theirs. */
const OthersSection: FC<{ rubric: ReviewPageData['call']['rubric']; others: ReviewPageData['others']; submitted: boolean }> = ({
  rubric,
  others,
  submitted,
}) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="others-heading">
      <h2 id="others-heading">{t('call_review.review.others')}</h2>
      {!submitted ? (
        <p>{t('call_review.review.others_hidden')}</p>
      ) : others.length === 0 ? (
        <p>{t('call_review.review.others_none')}</p>
      ) : (
        others.map((o, i) => (
          <article class="review-card">
            <h3>{t('call_review.reviewer_n', { n: i + 1 })}</h3>
            <dl class="review-scores">
              {rubric.map((c) => (
                <>
                  <dt>
                    <bdi>{c.title}</bdi>: {o[c.key]?.score ?? '–'}
                  </dt>
                  <dd dir="auto">{o[c.key]?.comment || '–'}</dd>
                </>
              ))}
            </dl>
          </article>
        ))
      )}
    </section>
  );
};

/**
 * A reviewer's page of one application: its answers and files, then the conflict question; once
 * answered "no", the scoring form (draft or submit); once submitted, the other reviewers'
 * submitted scores, anonymised.
 */
export const ReviewPage: FC<ReviewPageProps> = ({ call, application: a, conflict, own, others, csrf, notice, form, conflictErrors }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const submitted = own?.state === 'submitted';
  const values: ReviewFormValues =
    form?.values ??
    Object.fromEntries(
      call.rubric.flatMap((c) => [
        [`score_${c.key}`, String(own?.scores[c.key]?.score ?? '')],
        [`comment_${c.key}`, own?.scores[c.key]?.comment ?? ''],
      ]),
    );
  return (
    <Layout title={t('call_review.review.title', { name: isolated(a.name || t('call_review.unnamed'), i18n.dir) })} noindex>
      <p>
        <a href="/reviews">{t('call_review.mine.title')}</a>
      </p>
      <h1>{t('call_review.review.title', { name: isolated(a.name || t('call_review.unnamed'), i18n.dir) })}</h1>
      <p class="meta">
        <bdi>{call.title}</bdi>
        {a.city && <> · {placeLabel(i18n, a.city, a.country ?? '')}</>}
      </p>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('call_review.review.answers')}</h2>
        <dl class="review-answers">
          {a.answers.map((x) => (
            <>
              <dt dir="auto">{x.label}</dt>
              <dd dir="auto">{x.text || '–'}</dd>
            </>
          ))}
        </dl>
        {a.files.length > 0 && (
          <ul>
            {a.files.map((f) => (
              <li>
                <a href={`/calls/${encodeURIComponent(call.slug)}/applications/${a.id}/files/${f.question}`} dir="auto">
                  {f.file_name}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {conflict === null ? (
        <ConflictForm id={a.id} csrf={csrf} errors={conflictErrors} />
      ) : (
        <form method="post" action={`/reviews/${a.id}`} class="account-form review-form">
          <h2>{t(submitted ? 'call_review.review.yours_submitted' : 'call_review.review.score')}</h2>
          <CsrfInput token={csrf} />
          <ErrorSummary errors={form?.errors} />
          {call.rubric.map((c) => (
            <CriterionFields c={c} values={values} errors={form?.errors} locked={submitted} />
          ))}
          {!submitted && (
            <div class="form-actions">
              <button type="submit" name="intent" value="draft" class="button--secondary">
                {t('call_review.review.save_draft')}
              </button>{' '}
              <button type="submit" name="intent" value="submit">
                {t('call_review.review.submit')}
              </button>
            </div>
          )}
        </form>
      )}
      {conflict === false && <OthersSection rubric={call.rubric} others={others} submitted={submitted} />}
    </Layout>
  );
};
