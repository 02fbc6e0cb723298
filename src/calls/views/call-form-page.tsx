import type { FC } from 'hono/jsx';
import { timeZoneNames } from '../../events/zoned-time.ts';
import { CheckboxGroup, PlainInput, SelectField, TextArea, TextInput } from '../../practice-form/views/form-controls.tsx';
import { type FieldErrors, type FormValues, firstValue } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import { criterionRows, eligibleKinds, questionKinds, questionRows } from '../call-form.schema.ts';

/** What the call form shows: the values (as typed, or the call's), their problems, the call edited. */
export interface CallFormProps {
  values: FormValues;
  errors?: FieldErrors;
  csrf: string;
  /** The draft call edited; undefined for a new one. */
  call?: { slug: string; title: string };
}

const first = (v: FormValues[string]) => firstValue(v) ?? '';
const list = (v: FormValues[string]) => [v ?? []].flat().filter((x): x is string => typeof x === 'string');

/** When the call opens and closes, on the coordinator's clock, and the coordinator's zone. */
const WhenFields: FC<{ values: FormValues; errors?: FieldErrors }> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <fieldset class="form-group">
      <legend>{t('calls.form.when')}</legend>
      <div class="form-row">
        <PlainInput name="opens_date" type="date" label={t('calls.form.opens_date')} value={first(values.opens_date)} errors={errors} required />
        <PlainInput name="opens_time" type="time" label={t('calls.form.opens_time')} value={first(values.opens_time)} errors={errors} required />
      </div>
      <div class="form-row">
        <PlainInput name="closes_date" type="date" label={t('calls.form.closes_date')} value={first(values.closes_date)} errors={errors} required />
        <PlainInput name="closes_time" type="time" label={t('calls.form.closes_time')} value={first(values.closes_time)} errors={errors} required />
      </div>
      <SelectField
        name="time_zone"
        label={t('calls.form.time_zone')}
        hint={t('calls.form.time_zone_hint')}
        value={first(values.time_zone) || 'UTC'}
        errors={errors}
        required
        options={timeZoneNames().map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
      />
    </fieldset>
  );
};

/** One row of the custom questions: label, kind, help, required, word limit, options. */
const QuestionRow: FC<{ i: number; values: FormValues; errors?: FieldErrors }> = ({ i, values, errors }) => {
  const { t } = usePage().i18n;
  const v = (name: string) => first(values[`q${i}_${name}`]);
  return (
    <fieldset class="form-group call-form__row">
      <legend>{t('calls.form.question', { n: i })}</legend>
      <TextInput name={`q${i}_label`} label={t('calls.form.q_label')} value={v('label')} errors={errors} maxlength={500} autoDir />
      <SelectField
        name={`q${i}_kind`}
        label={t('calls.form.q_kind')}
        value={v('kind') || 'short_text'}
        errors={errors}
        options={questionKinds.map((k) => ({ value: k, label: t(`calls.kind.${k}`) }))}
      />
      <TextInput name={`q${i}_help`} label={t('calls.form.q_help')} value={v('help')} errors={errors} maxlength={2000} autoDir />
      <div class="form-check">
        <input type="checkbox" id={`f-q${i}_required`} name={`q${i}_required`} checked={v('required') !== ''} />
        <label for={`f-q${i}_required`}>{t('calls.form.q_required')}</label>
      </div>
      <PlainInput
        name={`q${i}_words`}
        type="number"
        step="any"
        label={t('calls.form.q_words')}
        hint={t('calls.form.q_words_hint')}
        value={v('words')}
        errors={errors}
      />
      <TextArea
        name={`q${i}_options`}
        label={t('calls.form.q_options')}
        hint={t('calls.form.q_options_hint')}
        value={v('options')}
        errors={errors}
        maxlength={9000}
        rows={3}
      />
    </fieldset>
  );
};

/** One criterion of the rubric: title, description, weight and the anchor of each score 1–5. */
const CriterionRow: FC<{ i: number; values: FormValues; errors?: FieldErrors }> = ({ i, values, errors }) => {
  const { t } = usePage().i18n;
  const v = (name: string) => first(values[`r${i}_${name}`]);
  return (
    <fieldset class="form-group call-form__row">
      <legend>{t('calls.form.criterion', { n: i })}</legend>
      <TextInput name={`r${i}_title`} label={t('calls.form.r_title')} value={v('title')} errors={errors} maxlength={300} autoDir />
      <TextInput name={`r${i}_description`} label={t('calls.form.r_description')} value={v('description')} errors={errors} maxlength={2000} autoDir />
      <PlainInput
        name={`r${i}_weight`}
        type="number"
        step="any"
        label={t('calls.form.r_weight')}
        hint={t('calls.form.r_weight_hint')}
        value={v('weight')}
        errors={errors}
      />
      {(['1', '2', '3', '4', '5'] as const).map((a) => (
        <TextInput name={`r${i}_a${a}`} label={t('calls.form.r_anchor', { score: Number(a) })} value={v(`a${a}`)} errors={errors} maxlength={500} autoDir />
      ))}
    </fieldset>
  );
};

/**
 * GET /calls/new and GET /calls/{slug}/edit (coordinators and admins): a call's title, description
 * (Markdown), who may apply, when it opens and closes on the coordinator's clock, the custom
 * questions and the rubric in fixed rows (empty rows are left out; no script needed), reviewers
 * per application and the languages accepted. Shown again with the values typed and a message
 * next to each field refused.
 */
export const CallFormPage: FC<CallFormProps> = ({ values, errors, csrf, call }) => {
  const { t } = usePage().i18n;
  const title = call ? t('calls.edit.title', { title: call.title }) : t('calls.new.title');
  const action = call ? `/calls/${call.slug}/edit` : '/calls/new';
  return (
    <Layout title={title} noindex>
      <p>
        <a href={call ? `/calls/${call.slug}` : '/calls'}>{t('calls.back')}</a>
      </p>
      <h1 dir="auto">{title}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} class="call-form" novalidate>
        <CsrfInput token={csrf} />
        <TextInput name="title" label={t('calls.form.title')} value={first(values.title)} errors={errors} required maxlength={300} autoDir />
        <TextArea
          name="description"
          label={t('calls.form.description')}
          hint={t('calls.form.markdown_hint')}
          value={first(values.description)}
          errors={errors}
          maxlength={20_000}
        />
        <CheckboxGroup
          name="eligible"
          label={t('calls.form.eligible')}
          values={list(values.eligible)}
          errors={errors}
          required
          options={eligibleKinds.map((k) => ({ value: k, label: t(`calls.eligible.${k}`) }))}
        />
        <CheckboxGroup
          name="themes"
          label={t('calls.form.themes')}
          values={list(values.themes)}
          errors={errors}
          options={themes.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
        />
        <WhenFields values={values} errors={errors} />
        <PlainInput name="reviewers" type="number" step="any" label={t('calls.form.reviewers')} value={first(values.reviewers)} errors={errors} required />
        <TextInput
          name="languages"
          label={t('calls.form.languages')}
          hint={t('calls.form.languages_hint')}
          value={first(values.languages)}
          errors={errors}
          required
          maxlength={200}
        />
        <h2>{t('calls.form.questions')}</h2>
        <p class="form-field__hint">{t('calls.form.questions_hint')}</p>
        {Array.from({ length: questionRows }, (_, n) => (
          <QuestionRow i={n + 1} values={values} errors={errors} />
        ))}
        <h2>{t('calls.form.rubric')}</h2>
        <p class="form-field__hint">{t('calls.form.rubric_hint')}</p>
        {Array.from({ length: criterionRows }, (_, n) => (
          <CriterionRow i={n + 1} values={values} errors={errors} />
        ))}
        <div class="form-actions">
          <button type="submit">{t(call ? 'calls.edit.submit' : 'calls.new.submit')}</button>
        </div>
      </form>
    </Layout>
  );
};
