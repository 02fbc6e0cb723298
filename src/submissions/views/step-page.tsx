import type { FC } from 'hono/jsx';
import { type FormErrors, type FormStep, fieldsOfStep, formSteps, markdownFields, type PracticeFormValues } from '../../practice-form/practice-form.fields.ts';
import { PracticeStepFields } from '../../practice-form/views/practice-step-fields.tsx';
import { CsrfInput, ErrorSummary, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { stepPath, submitPath } from '../submit-paths.ts';
import { AdaptBanner, AdaptQuestions, type OriginalPractice } from './adapt-parts.tsx';
import { StepIndicator } from './step-indicator.tsx';

/** What a step page shows: a new submission's first step (no draft yet) or a step of a draft. */
export interface StepPageProps {
  /** 1…5. */
  n: number;
  /** The draft, once it exists; the form then posts to its step with the version it was loaded at. */
  draft?: { id: number; version: number };
  /** A new submission's one-time key (no draft yet). */
  requestKey?: string;
  /** For an adaptation: the practice adapted. */
  original?: OriginalPractice;
  values: PracticeFormValues;
  errors?: FormErrors;
  preview?: Record<string, string>;
  /** `saved` after "Save draft"; `conflict` when another tab saved first and this input was not stored. */
  notice?: 'saved' | 'conflict';
  csrf: string;
}

/** True when a step has Markdown fields, so it offers a preview. */
const hasMarkdown = (step: FormStep) => fieldsOfStep(step).some((f) => (markdownFields as readonly string[]).includes(f));

/**
 * One step of the submission form. The buttons are in the order Enter should pick them: the
 * first, "Save and continue", is what a browser presses when someone hits Enter in a field.
 */
export const StepPage: FC<StepPageProps> = ({ n, draft, requestKey, original, values, errors, preview, notice, csrf }) => {
  const { t } = usePage().i18n;
  const step = formSteps[n - 1];
  const last = n === formSteps.length;
  const title = t(original ? 'submissions.adapt.title' : 'submissions.submit.title');
  return (
    <Layout title={`${t('submissions.step.of', { n, total: formSteps.length })}: ${t(`form.step.${step}`)} · ${title}`} noindex>
      <div class="submit-page">
        <h1>{title}</h1>
        {original && <AdaptBanner original={original} />}
        <StepIndicator current={n} submissionId={draft?.id} />
        {notice === 'saved' && <Notice kind="success">{t('submissions.notice.saved')}</Notice>}
        {notice === 'conflict' && <Notice>{t('submissions.notice.conflict')}</Notice>}
        <ErrorSummary errors={errors} />
        <form method="post" action={draft ? stepPath(draft.id, n) : submitPath} class="submit-form" novalidate>
          <CsrfInput token={csrf} />
          {draft && <input type="hidden" name="version" value={String(draft.version)} />}
          {requestKey && <input type="hidden" name="request_key" value={requestKey} />}
          {!draft && original && <input type="hidden" name="adapt" value={original.id} />}
          <p class="submit-form__progress">{t('submissions.step.of', { n, total: formSteps.length })}</p>
          {step === 'basics' && original && <AdaptQuestions values={values} errors={errors} />}
          <PracticeStepFields step={step} values={values} errors={errors} preview={preview} />
          <p class="form-field__hint">{t('submissions.step.saved_hint')}</p>
          <div class="form-actions">
            <button type="submit" name="action" value="next">
              {t(last ? 'submissions.action.check' : 'submissions.action.next')}
            </button>
            <button type="submit" name="action" value="save" class="button--secondary">
              {t('submissions.action.save')}
            </button>
            {hasMarkdown(step) && (
              <button type="submit" name="action" value="preview" class="button--secondary">
                {t('submissions.action.preview')}
              </button>
            )}
            {n > 1 && (
              <button type="submit" name="action" value="back" class="button--secondary">
                {t('submissions.action.back')}
              </button>
            )}
          </div>
        </form>
      </div>
    </Layout>
  );
};
