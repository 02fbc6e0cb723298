import type { FC } from 'hono/jsx';
import { CountrySelect } from '../../accounts/views/country-select.tsx';
import { CheckboxGroup, FieldShell, PlainInput, SelectField, TextArea, TextInput } from '../../practice-form/views/form-controls.tsx';
import { type FieldErrors, type FormValues, firstValue } from '../../shared/form-values.ts';
import { CsrfInput, describedBy, ErrorSummary } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import { registrationModes } from '../event.schema.ts';
import { eventTypes } from '../event-types.ts';
import { timeZoneNames } from '../zoned-time.ts';

/** What the event form shows: the values (as typed, or the event's), their problems, where it posts. */
export interface EventFormProps {
  values: FormValues;
  errors?: FieldErrors;
  csrf: string;
  /** The event edited; undefined for a new one. */
  event?: { id: string; title: string };
}

const first = (v: FormValues[string]) => firstValue(v) ?? '';

/** The "when" of the form: all day or not, start and end on the organiser's clock, the organiser's zone. */
const WhenFields: FC<{ values: FormValues; errors?: FieldErrors }> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <fieldset class="form-group">
      <legend>{t('event.form.when')}</legend>
      <div class="form-check">
        <input type="checkbox" id="f-all_day" name="all_day" checked={first(values.all_day) !== ''} aria-describedby="f-all_day-hint" />
        <label for="f-all_day">{t('event.form.all_day')}</label>
        <p class="form-field__hint" id="f-all_day-hint">
          {t('event.form.all_day_hint')}
        </p>
      </div>
      <div class="form-row">
        <PlainInput name="start_date" type="date" label={t('event.form.start_date')} value={first(values.start_date)} errors={errors} required />
        <PlainInput name="start_time" type="time" label={t('event.form.start_time')} value={first(values.start_time)} errors={errors} />
      </div>
      <div class="form-row">
        <PlainInput
          name="end_date"
          type="date"
          label={t('event.form.end_date')}
          hint={t('event.form.end_date_hint')}
          value={first(values.end_date)}
          errors={errors}
        />
        <PlainInput name="end_time" type="time" label={t('event.form.end_time')} value={first(values.end_time)} errors={errors} />
      </div>
      <SelectField
        name="time_zone"
        label={t('event.form.time_zone')}
        hint={t('event.form.time_zone_hint')}
        value={first(values.time_zone) || 'UTC'}
        errors={errors}
        required
        options={timeZoneNames().map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
      />
    </fieldset>
  );
};

/** The "where" of the form: a country, city and venue, or an online link, or both. */
const WhereFields: FC<{ values: FormValues; errors?: FieldErrors }> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <fieldset class="form-group">
      <legend>{t('event.form.where')}</legend>
      <FieldShell name="country" label={t('event.form.country')} hint={t('event.form.country_hint')} errors={errors}>
        <CountrySelect
          id="f-country"
          name="country"
          value={first(values.country).toUpperCase()}
          describedBy={describedBy('f-country', 'hint', errors?.country)}
        />
      </FieldShell>
      <div class="form-row">
        <TextInput name="city" label={t('event.form.city')} value={first(values.city)} errors={errors} maxlength={200} autoDir />
        <TextInput name="venue" label={t('event.form.venue')} value={first(values.venue)} errors={errors} maxlength={300} autoDir />
      </div>
      <TextInput name="online_url" type="url" label={t('event.form.online_url')} value={first(values.online_url)} errors={errors} maxlength={2000} />
    </fieldset>
  );
};

/** How people register: not at all, on the organiser's site (a link), or here (a number of places, with a waiting list). */
const RegistrationFields: FC<{ values: FormValues; errors?: FieldErrors }> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  const mode = first(values.registration) || 'none';
  return (
    <fieldset class="form-group" aria-describedby="f-registration-hint">
      <legend>{t('event.form.registration')}</legend>
      <p class="form-field__hint" id="f-registration-hint">
        {t('event.form.registration_hint')}
      </p>
      <ul class="radio-list" id="f-registration">
        {registrationModes.map((m) => (
          <li>
            <input type="radio" id={`f-registration-${m}`} name="registration" value={m} checked={mode === m} />
            <label for={`f-registration-${m}`}>{t(`event.form.registration.${m}`)}</label>
          </li>
        ))}
      </ul>
      <TextInput
        name="registration_url"
        type="url"
        label={t('event.form.registration_url')}
        value={first(values.registration_url)}
        errors={errors}
        maxlength={2000}
      />
      <PlainInput
        name="capacity"
        type="number"
        min="1"
        max="100000"
        label={t('event.form.capacity')}
        hint={t('event.form.capacity_hint')}
        value={first(values.capacity)}
        errors={errors}
      />
    </fieldset>
  );
};

/**
 * GET /events/new and GET /events/{id}/edit (editors and admins): every field of an event — title,
 * type, when (all day or not, on the organiser's clock, with the organiser's zone), where (a place
 * or an online link), languages, organisers, themes, registration (a link or places on the site),
 * description and outcomes (Markdown), materials, group. Shown again with the values typed and a
 * message next to each field refused.
 */
export const EventFormPage: FC<EventFormProps> = ({ values, errors, csrf, event }) => {
  const { t } = usePage().i18n;
  const title = event ? t('event.edit.title', { title: event.title }) : t('event.new.title');
  const action = event ? `/events/${event.id}/edit` : '/events/new';
  const list = (v: FormValues[string]) => [v ?? []].flat().filter((x): x is string => typeof x === 'string');
  return (
    <Layout title={title} noindex>
      <p>
        <a href={event ? `/events/${event.id}` : '/events'}>{event ? t('event.edit.back') : t('event.back')}</a>
      </p>
      <h1 dir="auto">{title}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} class="event-form" novalidate>
        <CsrfInput token={csrf} />
        <TextInput name="title" label={t('event.form.title')} value={first(values.title)} errors={errors} required maxlength={300} autoDir />
        <SelectField
          name="type"
          label={t('event.form.type')}
          value={first(values.type)}
          errors={errors}
          required
          options={eventTypes.map((v) => ({ value: v, label: t(`event.type.${v}`) }))}
        />
        <WhenFields values={values} errors={errors} />
        <WhereFields values={values} errors={errors} />
        <TextInput
          name="languages"
          label={t('event.form.languages')}
          hint={t('event.form.languages_hint')}
          value={first(values.languages)}
          errors={errors}
          maxlength={200}
        />
        <TextArea
          name="organisers"
          label={t('event.form.organisers')}
          hint={t('event.form.organisers_hint')}
          value={first(values.organisers)}
          errors={errors}
          maxlength={4000}
          rows={3}
        />
        <CheckboxGroup
          name="themes"
          label={t('event.form.themes')}
          values={list(values.themes)}
          errors={errors}
          options={themes.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
        />
        <RegistrationFields values={values} errors={errors} />
        <TextArea
          name="description"
          label={t('event.form.description')}
          hint={t('event.form.markdown_hint')}
          value={first(values.description)}
          errors={errors}
          maxlength={10_000}
        />
        <TextArea
          name="outcomes"
          label={t('event.form.outcomes')}
          hint={t('event.form.outcomes_hint')}
          value={first(values.outcomes)}
          errors={errors}
          maxlength={10_000}
        />
        <TextArea
          name="materials"
          label={t('event.form.materials')}
          hint={t('event.form.materials_hint')}
          value={first(values.materials)}
          errors={errors}
          maxlength={10_000}
          rows={3}
        />
        <TextInput name="group" label={t('event.form.group')} hint={t('event.form.group_hint')} value={first(values.group)} errors={errors} maxlength={100} />
        <div class="form-actions">
          <button type="submit">{t(event ? 'event.edit.submit' : 'event.new.submit')}</button>
        </div>
      </form>
    </Layout>
  );
};
