import type { Child, FC } from 'hono/jsx';
import { CountrySelect } from '../../accounts/views/country-select.tsx';
import { renderMarkdown } from '../../shared/markdown.ts';
import { usePage } from '../../views/page-context.ts';
import { actorTypes, evidenceLevels, levels, statuses, supportKinds, themes } from '../../vocabulary/vocabularies.ts';
import { type FormErrors, type FormStep, fieldsOfStep, markdownFields, maxLengths, type PracticeFormValues } from '../practice-form.fields.ts';
import { languageOptions } from '../practice-form.languages.ts';
import { CheckboxGroup, FieldShell, fieldId, SelectField, TextArea, TextInput } from './form-controls.tsx';

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
  for (const name of names) {
    all(values, name).forEach((v, i) => {
      if (v.trim()) filled = Math.max(filled, i + 1);
    });
  }
  return filled + spareRows;
}

/** A group of fields under one legend, with the group's hint (ids from the group's name). */
const FieldGroup: FC<{ name: string; children?: Child }> = ({ name, children }) => {
  const { t } = usePage().i18n;
  return (
    <fieldset class="form-group" aria-describedby={`f-${name}-hint`}>
      <legend>{t(`form.field.${name}`)}</legend>
      <p class="form-field__hint" id={`f-${name}-hint`}>
        {t(`form.hint.${name}`)}
      </p>
      {children}
    </fieldset>
  );
};

/** Rows of repeated fields under one group's legend: the filled ones, then the spare ones. */
const RepeatedRows: FC<{ group: string; values: PracticeFormValues; names: string[]; row: (i: number) => Child }> = ({ group, values, names, row }) => (
  <FieldGroup name={group}>
    {Array.from({ length: rowCount(values, names) }, (_, i) => (
      <div class="form-row">{row(i)}</div>
    ))}
  </FieldGroup>
);

/** A year, as a short numeric input. */
const YearField: FC<StepProps & { name: 'started' | 'ended' }> = ({ name, values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <TextInput
      name={name}
      label={t(`form.field.${name}`)}
      hint={t('form.hint.year')}
      value={one(values, name)}
      errors={errors}
      inputmode="numeric"
      maxlength={maxLengths.year}
      size={6}
    />
  );
};

/** One coordinate of the practice's location, as a decimal number. */
const CoordinateField: FC<StepProps & { name: 'location_lat' | 'location_lon'; label: string }> = ({ name, label, values, errors }) => (
  <TextInput name={name} label={label} value={one(values, name)} errors={errors} inputmode="decimal" maxlength={maxLengths.coordinate} size={12} />
);

/** Title, summary, language, themes, status and period. */
const BasicsFields: FC<StepProps> = ({ values, errors }) => {
  const { t, locale } = usePage().i18n;
  const lang = one(values, 'language');
  return (
    <>
      <TextInput
        name="title"
        label={t('form.field.title')}
        hint={t('form.hint.title')}
        value={one(values, 'title')}
        errors={errors}
        required
        maxlength={maxLengths.title}
        lang={lang}
        autoDir
      />
      <TextArea
        name="summary"
        label={t('form.field.summary')}
        hint={t('form.hint.summary')}
        value={one(values, 'summary')}
        errors={errors}
        required
        maxlength={maxLengths.summary}
        rows={4}
        lang={lang}
      />
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
      <CheckboxGroup
        name="themes"
        label={t('form.field.themes')}
        hint={t('form.hint.themes')}
        values={all(values, 'themes')}
        errors={errors}
        required
        options={themes.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
      />
      <SelectField
        name="status"
        label={t('form.field.status')}
        value={one(values, 'status')}
        errors={errors}
        blank={t('form.not_given')}
        options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <div class="form-row">
        <YearField name="started" values={values} errors={errors} />
        <YearField name="ended" values={values} errors={errors} />
      </div>
    </>
  );
};

/** Latitude and longitude, side by side. */
const LocationFields: FC<StepProps> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <FieldGroup name="location">
      <div class="form-row">
        <CoordinateField name="location_lat" label={t('form.field.latitude')} values={values} errors={errors} />
        <CoordinateField name="location_lon" label={t('form.field.longitude')} values={values} errors={errors} />
      </div>
    </FieldGroup>
  );
};

/** Partner rows: a name and the kind of support, filled ones then spare ones. */
const PartnerFields: FC<StepProps> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  const names = all(values, 'partner_name');
  const kinds = all(values, 'partner_support');
  return (
    <RepeatedRows
      group="partners"
      values={values}
      names={['partner_name', 'partner_support']}
      row={(i) => (
        <>
          <TextInput
            name="partner_name"
            row={i}
            label={t('form.partner.name', { n: i + 1 })}
            value={names[i] ?? ''}
            errors={errors}
            maxlength={maxLengths.partner_name}
            autoDir
          />
          <SelectField
            name="partner_support"
            row={i}
            label={t('form.partner.support', { n: i + 1 })}
            value={kinds[i] ?? ''}
            errors={errors}
            blank={t('form.not_given')}
            options={supportKinds.map((k) => ({ value: k, label: t(`support.${k}`) }))}
          />
        </>
      )}
    />
  );
};

/** Level, place, coordinates, actors, lead organisation, partners and target groups. */
const PlaceFields: FC<StepProps> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  const countryError = errors?.country ? `${fieldId('country')}-error` : undefined;
  return (
    <>
      <SelectField
        name="level"
        label={t('form.field.level')}
        value={one(values, 'level')}
        errors={errors}
        blank={t('form.level.default')}
        options={levels.map((l) => ({ value: l, label: t(`level.${l}`) }))}
      />
      <TextInput
        name="city"
        label={t('form.field.city')}
        hint={t('form.hint.city')}
        value={one(values, 'city')}
        errors={errors}
        maxlength={maxLengths.city}
        autoDir
      />
      <FieldShell name="country" label={t('form.field.country')} errors={errors} required>
        <CountrySelect id={fieldId('country')} name="country" value={one(values, 'country')} describedBy={countryError} />
      </FieldShell>
      <LocationFields values={values} errors={errors} />
      <CheckboxGroup
        name="actor_types"
        label={t('form.field.actor_types')}
        values={all(values, 'actor_types')}
        errors={errors}
        options={actorTypes.map((a) => ({ value: a, label: t(`actor.${a}`) }))}
      />
      <TextInput
        name="lead_organization"
        label={t('form.field.lead_organization')}
        value={one(values, 'lead_organization')}
        errors={errors}
        maxlength={maxLengths.lead_organization}
        autoDir
      />
      <PartnerFields values={values} errors={errors} />
      <TextInput
        name="contact_organization"
        label={t('form.field.contact_organization')}
        hint={t('form.hint.contact_organization')}
        value={one(values, 'contact_organization')}
        errors={errors}
        maxlength={maxLengths.contact_slug}
      />
      <TextInput
        name="contact_person"
        label={t('form.field.contact_person')}
        hint={t('form.hint.contact_person')}
        value={one(values, 'contact_person')}
        errors={errors}
        maxlength={maxLengths.contact_slug}
      />
      <TextInput
        name="target_groups"
        label={t('form.field.target_groups')}
        hint={t('form.hint.target_groups')}
        value={all(values, 'target_groups').join(', ')}
        errors={errors}
        maxlength={maxLengths.target_groups}
        autoDir
      />
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
    <RepeatedRows
      group="sources"
      values={values}
      names={['source_url', 'source_title']}
      row={(i) => (
        <>
          <TextInput
            name="source_url"
            row={i}
            type="url"
            label={t('form.source.url', { n: i + 1 })}
            value={urls[i] ?? ''}
            errors={errors}
            maxlength={maxLengths.source_url}
          />
          <TextInput
            name="source_title"
            row={i}
            label={t('form.source.title', { n: i + 1 })}
            value={titles[i] ?? ''}
            errors={errors}
            maxlength={maxLengths.source_title}
            autoDir
          />
        </>
      )}
    />
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
