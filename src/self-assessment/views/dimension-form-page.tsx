import type { FC } from 'hono/jsx';
import type { Dimension } from '../../framework/framework.ts';
import { frameworkTextFor } from '../../framework/framework-text.ts';
import type { OutcomeSuggestion } from '../../framework/outcome-evidence.ts';
import { type FieldErrors, type FormValues, firstValue } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { answerField, evidenceField, noteField, unansweredChoices } from '../assessment-answers.schema.ts';
import { editPath } from './assessment-edit-page.tsx';
import { OutcomeEvidenceNote } from './outcome-evidence-note.tsx';

/** What the page of one dimension shows. */
export interface DimensionFormProps {
  city: { country: string; slug: string; name: string };
  dimension: Dimension;
  /** Its place among the dimensions, from 1, and how many there are. */
  position: number;
  count: number;
  /** The answers as saved, or as typed when the page comes back with a problem. */
  values: FormValues;
  version: number;
  csrf: string;
  errors?: FieldErrors;
  /** Another representative saved meanwhile: the saved answers, by question, to compare with what is typed. */
  saved?: FormValues;
  notice?: string;
  /**
   * The options the city's figures suggest for its outcome questions; with `preselect`, each is
   * chosen where the question has no answer yet (a page first shown, never one posted back).
   */
  suggestions?: { items: OutcomeSuggestion[]; preselect: boolean };
}

const first = (v: string | string[] | undefined) => firstValue(v) ?? '';

/** One question: its options, "don't know" and "not applicable" as radios, then the evidence link and a note. */
const QuestionFields: FC<{
  code: string;
  values: FormValues;
  errors?: FieldErrors;
  saved?: FormValues;
  labelOf: (choice: string) => string;
  suggestion?: { item: OutcomeSuggestion; preselect: boolean; figuresPath: string };
}> = ({ code, values, errors, saved, labelOf, suggestion }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { lang, text } = frameworkTextFor(i18n.locale);
  const own = lang !== i18n.locale ? { lang, dir: 'ltr' as const } : {};
  const q = text.questions[code];
  const name = answerField(code);
  const preselected = Boolean(suggestion?.preselect) && first(values[name]) === '';
  const chosen = preselected ? (suggestion?.item.option ?? '') : first(values[name]);
  const error = errors?.[name];
  const evidenceName = evidenceField(code);
  const noteName = noteField(code);
  const choices = [...Object.keys(q.options), ...unansweredChoices];
  const savedChoice = saved ? first(saved[name]) : undefined;
  return (
    <fieldset
      class={error ? 'form-field form-field--error assessment-question' : 'form-field assessment-question'}
      aria-describedby={`f-${name}-hint${suggestion ? ` f-${name}-figures` : ''}${error ? ` f-${name}-error` : ''}`}
    >
      <legend id={`f-${name}`} {...own}>
        {q.text}
      </legend>
      <p class="form-field__hint" id={`f-${name}-hint`}>
        <strong>{t('sa.evidence')}:</strong> <span {...own}>{q.evidence_hint}</span>
      </p>
      {suggestion && (
        <OutcomeEvidenceNote id={`f-${name}-figures`} suggestion={suggestion.item} preselected={preselected} figuresPath={suggestion.figuresPath} />
      )}
      {error && (
        <p class="form-field__error" id={`f-${name}-error`}>
          {t(error)}
        </p>
      )}
      {saved && savedChoice !== chosen && (
        <p class="notice notice--quiet">{t('sa.edit.saved_meanwhile', { answer: savedChoice ? labelOf(savedChoice) : t('sa.edit.no_answer') })}</p>
      )}
      <ul class="radio-list">
        {choices.map((choice) => (
          <li>
            <input type="radio" id={`f-${name}-${choice}`} name={name} value={choice} checked={chosen === choice} />
            <label for={`f-${name}-${choice}`} {...((unansweredChoices as readonly string[]).includes(choice) ? {} : own)}>
              {labelOf(choice)}
            </label>
          </li>
        ))}
      </ul>
      <div class={errors?.[evidenceName] ? 'form-field form-field--error' : 'form-field'}>
        <label for={`f-${evidenceName}`}>{t('sa.edit.evidence_url')}</label>
        {errors?.[evidenceName] && (
          <p class="form-field__error" id={`f-${evidenceName}-error`}>
            {t(errors[evidenceName])}
          </p>
        )}
        <input
          type="url"
          id={`f-${evidenceName}`}
          name={evidenceName}
          value={first(values[evidenceName])}
          maxlength={2000}
          dir="ltr"
          aria-invalid={errors?.[evidenceName] ? 'true' : undefined}
          aria-describedby={errors?.[evidenceName] ? `f-${evidenceName}-error` : undefined}
        />
      </div>
      <div class={errors?.[noteName] ? 'form-field form-field--error' : 'form-field'}>
        <label for={`f-${noteName}`}>{t('sa.edit.note')}</label>
        {errors?.[noteName] && (
          <p class="form-field__error" id={`f-${noteName}-error`}>
            {t(errors[noteName])}
          </p>
        )}
        <textarea
          id={`f-${noteName}`}
          name={noteName}
          rows={2}
          maxlength={1000}
          dir="auto"
          aria-invalid={errors?.[noteName] ? 'true' : undefined}
          aria-describedby={errors?.[noteName] ? `f-${noteName}-error` : undefined}
        >
          {first(values[noteName])}
        </textarea>
      </div>
    </fieldset>
  );
};

/**
 * GET/POST /cities/{country}/{slug}/assessment/edit/{dimension}: one dimension's questions,
 * saved to the draft with "Save and continue" (to the next dimension) or "Save".
 */
export const DimensionFormPage: FC<DimensionFormProps> = ({ city, dimension, position, count, values, version, csrf, errors, saved, notice, suggestions }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { lang, text } = frameworkTextFor(i18n.locale);
  const own = lang !== i18n.locale ? { lang, dir: 'ltr' as const } : {};
  const base = editPath(city);
  const title = t(`sa.dimension.${dimension.code}`);
  const figuresPath = `/cities/${city.country.toLowerCase()}/${encodeURIComponent(city.slug)}/figures/edit`;
  const suggestionOf = (code: string) => {
    const item = suggestions?.items.find((s) => s.question === code);
    return item && suggestions ? { item, preselect: suggestions.preselect, figuresPath } : undefined;
  };
  return (
    <Layout title={t('sa.edit.dimension_title', { dimension: title, city: city.name })} canonical={`${base}/${dimension.code}`}>
      <p>
        <a href={base}>{t('sa.edit.back_overview')}</a>
      </p>
      <p class="meta">{t('sa.edit.step', { position, count })}</p>
      <h1>{title}</h1>
      <p {...own}>{text.dimensions[dimension.code].description}</p>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      {saved && <p class="notice">{t('sa.edit.conflict')}</p>}
      <ErrorSummary errors={errors} />
      <form method="post" action={`${base}/${dimension.code}`} class="assessment-form">
        <CsrfInput token={csrf} />
        <input type="hidden" name="version" value={String(version)} />
        {dimension.questions.map((q) => (
          <QuestionFields
            code={q.code}
            values={values}
            errors={errors}
            saved={saved}
            labelOf={(choice) =>
              (unansweredChoices as readonly string[]).includes(choice) ? t(`sa.edit.choice.${choice}`) : text.questions[q.code].options[choice]
            }
            suggestion={suggestionOf(q.code)}
          />
        ))}
        <div class="form-actions">
          <button type="submit" name="intent" value="next">
            {t(position < count ? 'sa.edit.save_next' : 'sa.edit.save_finish')}
          </button>{' '}
          <button type="submit" name="intent" value="stay" class="button--secondary">
            {t('sa.edit.save')}
          </button>
        </div>
      </form>
    </Layout>
  );
};
