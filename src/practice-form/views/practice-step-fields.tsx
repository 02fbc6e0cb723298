import type { FC } from 'hono/jsx';
import { CountrySelect } from '../../accounts/views/country-select.tsx';
import { renderMarkdown } from '../../shared/markdown.ts';
import { usePage } from '../../views/page-context.ts';
import { actorTypes, evidenceLevels, levels, statuses, supportKinds, themes } from '../../vocabulary/vocabularies.ts';
import { type FormErrors, type FormStep, type PracticeFormValues, fieldsOfStep, markdownFields, maxLengths } from '../practice-form.fields.ts';
import { languageOptions } from '../practice-form.languages.ts';
import { CheckboxGroup, FieldShell, SelectField, TextArea, TextInput, fieldId } from './form-controls.tsx';

interface StepProps {
  values: PracticeFormValues;
  errors?: FormErrors;
  preview?: Record<string, string>;
}

/** Spare empty rows under the filled ones, so more can be added without JavaScript. */
const spareRows = 2;

const one = (values: PracticeFormValues, name: string): string => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const all = (values: PracticeFormValues, name: string): string[] => {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/**
 * Rows to show for repeated fields: up to the last one with anything in it (keeping the posted
 * positions, which error keys refer to), then the spare empty rows.
 */
function rowCount(values: PracticeFormValues, names: string[]): number {
  let filled = 0;
  for (const name of names) all(values, name).forEach((v, i) => v.trim() && (filled = Math.max(filled, i + 1)));
  return filled + spareRows;
}

/** Title, summary, language, themes, status and period. */
const BasicsFields: FC<StepProps> = ({ values, errors }) => {
  const { t, locale } = usePage().i18n;
  const lang = one(values, 'language');
  return (
    <>
      <TextInput name="title" label={t('form.field.title')} hint={t('form.hint.title')} value={one(values, 'title')} errors={errors} required maxlength={maxLengths.title} lang={lang} autoDir />
      <TextArea name="summary" label={t('form.field.summary')} hint={t('form.hint.summary')} value={one(values, 'summary')} errors={errors} required maxlength={maxLengths.summary} rows={4} lang={lang} />
      <SelectField
        name="language"
        label={t('form.field.language')}
        hint={t('form.hint.language')}
        value={lang}
        errors={errors}
        required
        blank={t('form.choose')}
        options={languageOptions(locale, lang).map((l) => ({ value: l.code, label: l.name }))}
      />
      <CheckboxGroup name="themes" label={t('form.field.themes')} hint={t('form.hint.themes')} values={all(values, 'themes')} errors={errors} required options={themes.map((th) => ({ value: th, label: t(`theme.${th}`) }))} />
      <SelectField name="status" label={t('form.field.status')} value={one(values, 'status')} errors={errors} blank={t('form.not_given')} options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      <div class="form-row">
        <TextInput name="started" label={t('form.field.started')} hint={t('form.hint.year')} value={one(values, 'started')} errors={errors} inputmode="numeric" maxlength={maxLengths.year} size={6} />
        <TextInput name="ended" label={t('form.field.ended')} hint={t('form.hint.year')} value={one(values, 'ended')} errors={errors} inputmode="numeric" maxlength={maxLengths.year} size={6} />
      </div>
    </>
  );
};

/** Level, place, coordinates, actors, lead organisation, partners and target groups. */
const PlaceFields: FC<StepProps> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  const country = one(values, 'country');
  const countryError = errors?.country ? `${fieldId('country')}-error` : undefined;
  const partnerRows = rowCount(values, ['partner_name', 'partner_support']);
  const names = all(values, 'partner_name');
  const kinds = all(values, 'partner_support');
  return (
    <>
      <SelectField name="level" label={t('form.field.level')} value={one(values, 'level')} errors={errors} blank={t('form.level.default')} options={levels.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
      <TextInput name="city" label={t('form.field.city')} hint={t('form.hint.city')} value={one(values, 'city')} errors={errors} maxlength={maxLengths.city} autoDir />
      <FieldShell name="country" label={t('form.field.country')} errors={errors} required>
        <CountrySelect id={fieldId('country')} name="country" value={country} describedBy={countryError} />
      </FieldShell>
      <fieldset class="form-group" aria-describedby="f-location-hint">
        <legend>{t('form.field.location')}</legend>
        <p class="form-field__hint" id="f-location-hint">{t('form.hint.location')}</p>
        <div class="form-row">
          <TextInput name="location_lat" label={t('form.field.latitude')} value={one(values, 'location_lat')} errors={errors} inputmode="decimal" maxlength={maxLengths.coordinate} size={12} />
          <TextInput name="location_lon" label={t('form.field.longitude')} value={one(values, 'location_lon')} errors={errors} inputmode="decimal" maxlength={maxLengths.coordinate} size={12} />
        </div>
      </fieldset>
      <CheckboxGroup name="actor_types" label={t('form.field.actor_types')} values={all(values, 'actor_types')} errors={errors} options={actorTypes.map((a) => ({ value: a, label: t(`actor.${a}`) }))} />
      <TextInput name="lead_organization" label={t('form.field.lead_organization')} value={one(values, 'lead_organization')} errors={errors} maxlength={maxLengths.lead_organization} autoDir />
      <fieldset class="form-group" aria-describedby="f-partners-hint">
        <legend>{t('form.field.partners')}</legend>
        <p class="form-field__hint" id="f-partners-hint">{t('form.hint.partners')}</p>
        {Array.from({ length: partnerRows }, (_, i) => (
          <div class="form-row">
            <TextInput name="partner_name" row={i} label={t('form.partner.name', { n: i + 1 })} value={names[i] ?? ''} errors={errors} maxlength={maxLengths.partner_name} autoDir />
            <SelectField
              name="partner_support"
              row={i}
              label={t('form.partner.support', { n: i + 1 })}
              value={kinds[i] ?? ''}
              errors={errors}
              blank={t('form.not_given')}
              options={supportKinds.map((k) => ({ value: k, label: t(`support.${k}`) }))}
            />
          </div>
        ))}
      </fieldset>
      <TextInput name="target_groups" label={t('form.field.target_groups')} hint={t('form.hint.target_groups')} value={all(values, 'target_groups').join(', ')} errors={errors} maxlength={maxLengths.target_groups} autoDir />
    </>
  );
};

/** A Markdown text area with its field's own hint followed by the Markdown hint. */
const MarkdownField: FC<StepProps & { name: (typeof markdownFields)[number]; rows?: number }> = ({ name, values, errors, preview, rows }) => {
  const { t } = usePage().i18n;
  return (
    <TextArea
      name={name}
      label={t(`form.field.${name}`)}
      hint={`${t(`form.hint.${name}`)} ${t('form.hint.markdown')}`}
      value={one(values, name)}
      errors={errors}
      maxlength={maxLengths.markdown}
      rows={rows}
      lang={one(values, 'language')}
      preview={preview?.[name] || undefined}
    />
  );
};

/** Challenge, approach and the full description. */
const HowFields: FC<StepProps> = (props) => (
  <>
    <MarkdownField {...props} name="challenge" />
    <MarkdownField {...props} name="approach" />
    <MarkdownField {...props} name="body" rows={12} />
  </>
);

/** Outcomes, evaluation, lessons (what did not work too), transferability and evidence level. */
const ResultsFields: FC<StepProps> = (props) => {
  const { t } = usePage().i18n;
  return (
    <>
      <MarkdownField {...props} name="outcomes" />
      <MarkdownField {...props} name="evaluation" />
      <MarkdownField {...props} name="lessons" />
      <MarkdownField {...props} name="transferability" />
      <SelectField
        name="evidence_level"
        label={t('form.field.evidence_level')}
        hint={t('form.hint.evidence_level')}
        value={one(props.values, 'evidence_level')}
        errors={props.errors}
        blank={t('form.not_given')}
        options={evidenceLevels.map((n) => ({ value: String(n), label: t(`evidence.${n}`) }))}
      />
    </>
  );
};

/** Sources: address and title rows. */
const SourcesFields: FC<StepProps> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  const urls = all(values, 'source_url');
  const titles = all(values, 'source_title');
  return (
    <fieldset class="form-group" aria-describedby="f-sources-hint">
      <legend>{t('form.field.sources')}</legend>
      <p class="form-field__hint" id="f-sources-hint">{t('form.hint.sources')}</p>
      {Array.from({ length: rowCount(values, ['source_url', 'source_title']) }, (_, i) => (
        <div class="form-row">
          <TextInput name="source_url" row={i} type="url" label={t('form.source.url', { n: i + 1 })} value={urls[i] ?? ''} errors={errors} maxlength={maxLengths.source_url} />
          <TextInput name="source_title" row={i} label={t('form.source.title', { n: i + 1 })} value={titles[i] ?? ''} errors={errors} maxlength={maxLengths.source_title} autoDir />
        </div>
      ))}
    </fieldset>
  );
};

const stepViews: Record<FormStep, FC<StepProps>> = {
  basics: BasicsFields,
  place: PlaceFields,
  how: HowFields,
  results: ResultsFields,
  sources: SourcesFields,
};

/**
 * The fieldset of one step: labelled inputs with hints and errors next to them.
 * `preview` maps Markdown field names to sanitised HTML shown under the field.
 */
export const PracticeStepFields: FC<{ step: FormStep; values: PracticeFormValues; errors?: FormErrors; preview?: Record<string, string> }> = ({
  step,
  values,
  errors,
  preview,
}) => {
  const { t } = usePage().i18n;
  const Step = stepViews[step];
  return (
    <fieldset class="practice-step" id={`step-${step}`}>
      <legend class="practice-step__legend">{t(`form.step.${step}`)}</legend>
      <Step values={values} errors={errors} preview={preview} />
    </fieldset>
  );
};

/**
 * Sanitised HTML previews of the step's Markdown fields that have text (renderMarkdown escapes raw HTML).
 * @example <PracticeStepFields step="how" values={values} preview={markdownPreviews(values, 'how')} />
 */
export function markdownPreviews(values: PracticeFormValues, step: FormStep): Record<string, string> {
  const previews: Record<string, string> = {};
  for (const name of fieldsOfStep(step)) {
    if (!(markdownFields as readonly string[]).includes(name)) continue;
    const text = one(values, name).replace(/\r\n?/g, '\n');
    if (text.trim()) previews[name] = renderMarkdown(text, { topHeading: 4 });
  }
  return previews;
}
