import type { FC } from 'hono/jsx';
import { type FormErrors, formSteps, stepOfField } from '../../practice-form/practice-form.fields.ts';
import { fieldId } from '../../practice-form/views/form-controls.tsx';
import type { PracticeRecord } from '../../practices/practice.schema.ts';
import { CsrfInput, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { AdaptAnswers } from '../draft-data.ts';
import type { Submission } from '../submission.repo.ts';
import { submissionPath } from '../submission-mails.ts';
import { sendPath, stepPath, withdrawPath } from '../submit-paths.ts';
import { AdaptBanner, type OriginalPractice } from './adapt-parts.tsx';
import { DraftReadback } from './draft-readback.tsx';
import { fieldLabel } from './field-label.ts';
import { LicenseConsentField } from './license-consent.tsx';
import { StepIndicator } from './step-indicator.tsx';

/** What is still missing or wrong, each linking to the field on its step. */
const Problems: FC<{ id: number; problems: FormErrors }> = ({ id, problems }) => {
  const { t } = usePage().i18n;
  const entries = Object.entries(problems);
  return (
    <section class="form-errors" aria-labelledby="problems-heading" tabindex={-1}>
      <h2 id="problems-heading">{t('submissions.review.problems', { count: entries.length })}</h2>
      <ul>
        {entries.map(([field, key]) => {
          const n = formSteps.indexOf(field.startsWith('adapt_') ? 'basics' : stepOfField(field)) + 1;
          return (
            <li>
              <a href={`${stepPath(id, n)}#${fieldId(field)}`}>{fieldLabel(t, field)}</a>: {t(key)}
            </li>
          );
        })}
      </ul>
    </section>
  );
};

/**
 * /submit/{id}/check: the whole draft read back to its submitter by step, what still stops it from being sent,
 * and "Send to review" once nothing does; withdrawing is one link away.
 */
export const ReadBackPage: FC<{
  submission: Submission;
  draft: Partial<PracticeRecord>;
  adapt?: AdaptAnswers;
  original?: OriginalPractice;
  problems: FormErrors;
  conflict?: boolean;
  csrf: string;
  /** The licence to consent to, whether the box was ticked in the refused post, and its message. */
  consent: { license: string; checked?: boolean; error?: string };
}> = ({ submission: s, draft, adapt, original, problems, conflict, csrf, consent }) => {
  const { t } = usePage().i18n;
  const ready = !Object.keys(problems).length;
  return (
    <Layout title={`${t('submissions.step.review')} · ${t(original ? 'submissions.adapt.title' : 'submissions.submit.title')}`} noindex>
      <div class="submit-page">
        <h1>{t('submissions.review.title')}</h1>
        {original && <AdaptBanner original={original} />}
        <StepIndicator current="review" submissionId={s.id} />
        {s.state === 'changes_requested' && (
          <div class="notice" role="status">
            <p>{t('submissions.review.changes_requested')}</p>
            {s.decisionMessage && (
              <p class="submission-message" dir="auto">
                {s.decisionMessage}
              </p>
            )}
            <p>
              <a href={submissionPath(s.id)}>{t('submissions.review.thread')}</a>
            </p>
          </div>
        )}
        {conflict && <Notice>{t('submissions.review.conflict')}</Notice>}
        {!ready && <Problems id={s.id} problems={problems} />}
        <DraftReadback id={s.id} draft={draft} adapt={adapt} />
        <section class="submit-send" aria-labelledby="send-heading">
          <h2 id="send-heading">{t('submissions.review.send_heading')}</h2>
          {ready ? (
            <form method="post" action={sendPath(s.id)}>
              <CsrfInput token={csrf} />
              <input type="hidden" name="version" value={String(s.version)} />
              <p>{t('submissions.review.send_explain')}</p>
              <LicenseConsentField {...consent} />
              <button type="submit">{t('submissions.action.send')}</button>
            </form>
          ) : (
            <p>{t('submissions.review.not_ready')}</p>
          )}
          <p class="submit-send__withdraw">
            <a href={withdrawPath(s.id)}>{t('submissions.withdraw.link')}</a>
          </p>
        </section>
      </div>
    </Layout>
  );
};
