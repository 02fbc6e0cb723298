import type { FC } from 'hono/jsx';
import type { FieldDiff } from '../../history/record-diff.ts';
import { RecordDiffView } from '../../history/views/record-diff-view.tsx';
import type { BrokenLink } from '../../link-check/link-check.repo.ts';
import { BrokenLinksWarning } from '../../link-check/views/link-warning.tsx';
import { type FormErrors, formSteps, type PracticeFormValues } from '../../practice-form/practice-form.fields.ts';
import { TextInput } from '../../practice-form/views/form-controls.tsx';
import { markdownPreviews, PracticeStepFields } from '../../practice-form/views/practice-step-fields.tsx';
import { CsrfInput, ErrorSummary, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { editMessageMax } from '../practice-edit.schema.ts';

/** What the edit page shows: the form's values, and after a POST its problems, notice or conflict. */
export interface EditPageProps {
  id: string;
  /** The stored title, for the heading (the form may hold a changed one). */
  title: string;
  values: PracticeFormValues;
  base: string;
  message: string;
  csrf: string;
  errors?: FormErrors;
  notice?: string;
  /** Markdown previews, when the editor asked for them. */
  preview?: boolean;
  /** Someone saved in between: what differs between their version (stored) and this one. */
  conflict?: { diffs: FieldDiff[]; lang?: string };
  /** Links of the practice the last link check found broken. */
  brokenLinks?: BrokenLink[];
}

/** Someone else saved first: what happened, and the two versions side by side in one comparison. */
const ConflictBox: FC<{ diffs: FieldDiff[]; lang?: string }> = ({ diffs, lang }) => {
  const { t } = usePage().i18n;
  return (
    <section class="edit-conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{t('edit.conflict.title')}</h2>
      <p>{t('edit.conflict.explain')}</p>
      <RecordDiffView diffs={diffs} before={t('edit.conflict.theirs')} after={t('edit.conflict.yours')} lang={lang} />
    </section>
  );
};

/** /practices/{id}/edit: all five steps of the practice form on one page, plus the summary of the change. */
export const PracticeEditPage: FC<EditPageProps> = (p) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('edit.title', { title: p.title })} noindex>
      <div class="practice-edit">
        <p>
          <a href={`/practices/${p.id}`}>{t('edit.back')}</a>
        </p>
        <h1>{t('edit.title', { title: p.title })}</h1>
        {p.notice && <Notice>{t(p.notice)}</Notice>}
        {p.brokenLinks && <BrokenLinksWarning links={p.brokenLinks} />}
        {p.conflict && <ConflictBox diffs={p.conflict.diffs} lang={p.conflict.lang} />}
        <ErrorSummary errors={p.errors} />
        <form method="post" action={`/practices/${p.id}/edit`} class="practice-form">
          <CsrfInput token={p.csrf} />
          <input type="hidden" name="base" value={p.base} />
          {formSteps.map((step) => (
            <PracticeStepFields step={step} values={p.values} errors={p.errors} preview={p.preview ? markdownPreviews(p.values, step) : undefined} />
          ))}
          <fieldset class="practice-step">
            <legend class="practice-step__legend">{t('edit.save.legend')}</legend>
            <TextInput
              name="message"
              label={t('edit.field.message')}
              hint={t('edit.hint.message')}
              value={p.message}
              errors={p.errors}
              required
              maxlength={editMessageMax}
              autoDir
            />
            <div class="form-actions">
              <button type="submit" name="intent" value="save">
                {t('edit.save')}
              </button>
              <button type="submit" name="intent" value="preview" class="button--secondary">
                {t('edit.preview')}
              </button>
              <a href={`/practices/${p.id}`}>{t('edit.cancel')}</a>
            </div>
          </fieldset>
        </form>
      </div>
    </Layout>
  );
};
