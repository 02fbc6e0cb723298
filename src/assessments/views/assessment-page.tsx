import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { evidenceLevels } from '../../vocabulary/vocabularies.ts';
import type { PracticeAssessment } from '../assessment.repo.ts';
import type { AssessmentFormValues } from '../assessment.schema.ts';
import { type AssessmentCriterion, assessmentCriteria, assessmentRatings, maxRationaleLength } from '../assessment-criteria.ts';

/** What the assessment form shows: the practice, the values (stored or just typed) and any problems. */
export interface AssessmentPageProps {
  practice: { id: string; title: string; language: string };
  values: AssessmentFormValues;
  /** The assessment on record, to say who assessed last and when. */
  current?: PracticeAssessment;
  errors?: FieldErrors;
  csrf: string;
}

/** A stored assessment, or the record's evidence level for a first one, in the form's shape. */
export function assessmentFormValues(current: PracticeAssessment | undefined, recordEvidence: number | undefined): AssessmentFormValues {
  const values: AssessmentFormValues = { evidence_level: String(current?.evidenceLevel ?? recordEvidence ?? '') };
  for (const c of assessmentCriteria) {
    values[c] = current?.ratings[c].rating ?? '';
    values[`${c}_note`] = current?.ratings[c].note ?? '';
  }
  return values;
}

/** One criterion: its answers as a radio group, then the rationale. */
const CriterionFields: FC<{ criterion: AssessmentCriterion; values: AssessmentFormValues; errors?: FieldErrors }> = ({ criterion: c, values, errors }) => {
  const { t } = usePage().i18n;
  const ratingError = errors?.[c];
  const noteName = `${c}_note`;
  const noteError = errors?.[noteName];
  const noteId = `f-${noteName}`;
  return (
    <div class="assessment-criterion">
      <fieldset class={ratingError ? 'form-field form-field--error' : 'form-field'} aria-describedby={`f-${c}-hint${ratingError ? ` f-${c}-error` : ''}`}>
        <legend id={`f-${c}`}>{t(`assessments.criterion.${c}`)}</legend>
        <p class="form-field__hint" id={`f-${c}-hint`}>
          {t(`assessments.criterion.${c}.hint`)}
        </p>
        {ratingError && (
          <p class="form-field__error" id={`f-${c}-error`}>
            {t(ratingError)}
          </p>
        )}
        <ul class="radio-row">
          {assessmentRatings.map((r) => (
            <li>
              <input type="radio" id={`f-${c}-${r}`} name={c} value={r} checked={values[c] === r} required />
              <label for={`f-${c}-${r}`}>{t(`assessments.rating.${r}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div class={noteError ? 'form-field form-field--error' : 'form-field'}>
        <label for={noteId}>{t('assessments.note.label', { criterion: t(`assessments.criterion.${c}`) })}</label>
        <p class="form-field__hint" id={`${noteId}-hint`}>
          {t('assessments.note.hint', { max: maxRationaleLength })}
        </p>
        {noteError && (
          <p class="form-field__error" id={`${noteId}-error`}>
            {t(noteError, { max: maxRationaleLength })}
          </p>
        )}
        <textarea
          id={noteId}
          name={noteName}
          rows={4}
          maxlength={maxRationaleLength}
          dir="auto"
          aria-invalid={noteError ? 'true' : undefined}
          aria-describedby={`${noteId}-hint${noteError ? ` ${noteId}-error` : ''}`}
        >
          {values[noteName] ?? ''}
        </textarea>
      </div>
    </div>
  );
};

/** GET/POST /practices/{id}/assess: the editors' assessment of a practice, pre-filled with the current one. */
export const AssessmentPage: FC<AssessmentPageProps> = ({ practice, values, current, errors, csrf }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const levelError = errors?.evidence_level;
  return (
    <Layout title={t('assessments.title', { title: practice.title })} noindex>
      <div class="assessment-form-page">
        <h1>
          {t('assessments.heading')}:{' '}
          <span lang={practice.language} dir="auto">
            {practice.title}
          </span>
        </h1>
        <p>{t('assessments.intro')}</p>
        {current && (
          <p class="form-field__hint">
            {current.assessorName
              ? t('assessments.last', { name: current.assessorName, date: i18n.date(current.assessedAt, { dateStyle: 'long' }) })
              : t('assessments.last_unknown', { date: i18n.date(current.assessedAt, { dateStyle: 'long' }) })}
          </p>
        )}
        <ErrorSummary errors={errors} />
        <form method="post" action={`/practices/${practice.id}/assess`} class="account-form assessment-form">
          <CsrfInput token={csrf} />
          {assessmentCriteria.map((c) => (
            <CriterionFields criterion={c} values={values} errors={errors} />
          ))}
          <div class={levelError ? 'form-field form-field--error' : 'form-field'}>
            <label for="f-evidence_level">{t('assessments.evidence.label')}</label>
            <p class="form-field__hint" id="f-evidence_level-hint">
              {t('assessments.evidence.hint')}
            </p>
            {levelError && (
              <p class="form-field__error" id="f-evidence_level-error">
                {t(levelError)}
              </p>
            )}
            <select
              id="f-evidence_level"
              name="evidence_level"
              required
              aria-invalid={levelError ? 'true' : undefined}
              aria-describedby={`f-evidence_level-hint${levelError ? ' f-evidence_level-error' : ''}`}
            >
              <option value="">{t('assessments.evidence.choose')}</option>
              {evidenceLevels.map((n) => (
                <option value={String(n)} selected={values.evidence_level === String(n)}>
                  {t(`evidence.${n}`)}
                </option>
              ))}
            </select>
          </div>
          <p class="form-actions">
            <button type="submit">{t('assessments.submit')}</button> <a href={`/practices/${practice.id}`}>{t('assessments.cancel')}</a>
          </p>
        </form>
      </div>
    </Layout>
  );
};
