import type { FC } from 'hono/jsx';
import { CountrySelect } from '../../accounts/views/country-select.tsx';
import { FieldShell, SelectField, TextArea, TextInput } from '../../practice-form/views/form-controls.tsx';
import { type FieldErrors, type FormValues, firstValue } from '../../shared/form-values.ts';
import { CsrfInput, describedBy, ErrorSummary } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { Answers, StoredFile } from '../application.repo.ts';
import { applicantKindOf } from '../application-form.ts';
import type { CallRow } from '../call.repo.ts';
import type { Question } from '../call-form.schema.ts';

const first = (v: FormValues[string]) => firstValue(v) ?? '';
const list = (v: FormValues[string]) => [v ?? []].flat().filter((x): x is string => typeof x === 'string');

/** GET /calls/{slug}/apply: who applies — the kind the call admits, the name, city and country, the organisation. */
export const ApplyStartPage: FC<{
  call: CallRow;
  values: FormValues;
  errors?: FieldErrors;
  csrf: string;
  organizations: { slug: string; name: string }[];
}> = ({ call, values, errors, csrf, organizations }) => {
  const { t } = usePage().i18n;
  const kinds = call.eligible.map((e) => applicantKindOf[e as keyof typeof applicantKindOf]).filter(Boolean);
  return (
    <Layout title={t('calls.apply.title', { title: call.title })} noindex>
      <p>
        <a href={`/calls/${call.slug}`}>{t('calls.apply.back')}</a>
      </p>
      <h1 dir="auto">{t('calls.apply.title', { title: call.title })}</h1>
      <p>{t('calls.apply.lead')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/calls/${call.slug}/apply`} novalidate>
        <CsrfInput token={csrf} />
        <SelectField
          name="kind"
          label={t('calls.identity.kind')}
          value={first(values.kind) || kinds[0] || 'city'}
          errors={errors}
          required
          options={kinds.map((k) => ({ value: k, label: t(`calls.identity.kind.${k}`) }))}
        />
        <TextInput
          name="name"
          label={t('calls.identity.name')}
          hint={t('calls.identity.name_hint')}
          value={first(values.name)}
          errors={errors}
          required
          maxlength={300}
          autoDir
        />
        <TextInput name="city" label={t('calls.identity.city')} value={first(values.city)} errors={errors} maxlength={200} autoDir />
        <FieldShell name="country" label={t('calls.identity.country')} errors={errors}>
          <CountrySelect
            id="f-country"
            name="country"
            value={first(values.country).toUpperCase()}
            describedBy={describedBy('f-country', undefined, errors?.country)}
          />
        </FieldShell>
        {kinds.includes('organization') && (
          <SelectField
            name="organization"
            label={t('calls.identity.organization')}
            hint={t(organizations.length ? 'calls.identity.organization_hint' : 'calls.identity.no_organization')}
            value={first(values.organization)}
            errors={errors}
            blank={t('calls.identity.organization_none')}
            options={organizations.map((o) => ({ value: o.slug, label: o.name }))}
          />
        )}
        <div class="form-actions">
          <button type="submit">{t('calls.apply.start')}</button>
        </div>
      </form>
    </Layout>
  );
};

/** One question's control, named `a_<key>`. */
const QuestionField: FC<{ q: Question; values: FormValues; errors?: FieldErrors }> = ({ q, values, errors }) => {
  const { t } = usePage().i18n;
  const name = `a_${q.key}`;
  const id = `f-${name}`;
  const hint = [q.help, q.wordLimit ? t('calls.answer.word_limit', { words: q.wordLimit }) : ''].filter(Boolean).join(' ') || undefined;
  if (q.kind === 'long_text')
    return <TextArea name={name} label={q.label} hint={hint} value={first(values[name])} errors={errors} required={q.required} maxlength={50_000} />;
  if (q.kind === 'choice' || q.kind === 'multiple_choice') {
    const chosen = list(values[name]);
    return (
      <fieldset id={id} class={errors?.[name] ? 'form-field form-field--error' : 'form-field'} aria-describedby={describedBy(id, hint, errors?.[name])}>
        <legend dir="auto">
          {q.label}
          {q.required && <span class="form-field__required"> {t('form.required_mark')}</span>}
        </legend>
        {hint && (
          <p class="form-field__hint" id={`${id}-hint`} dir="auto">
            {hint}
          </p>
        )}
        {errors?.[name] && (
          <p class="form-field__error" id={`${id}-error`}>
            {t(errors[name])}
          </p>
        )}
        <ul class="radio-list">
          {(q.options ?? []).map((o, n) => (
            <li>
              <input type={q.kind === 'choice' ? 'radio' : 'checkbox'} id={`${id}-${n}`} name={name} value={o} checked={chosen.includes(o)} />
              <label for={`${id}-${n}`} dir="auto">
                {o}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    );
  }
  return (
    <TextInput
      name={name}
      label={q.label}
      hint={hint}
      value={first(values[name])}
      errors={errors}
      required={q.required}
      maxlength={q.kind === 'number' ? 30 : 500}
      inputmode={q.kind === 'number' ? 'decimal' : undefined}
      autoDir
    />
  );
};

/** What a step page shows: its questions, the values, and after a stale save the answers someone else saved. */
export interface StepPageProps {
  call: CallRow;
  applicationId: number;
  step: number;
  steps: number;
  questions: Question[];
  values: FormValues;
  version: number;
  csrf: string;
  errors?: FieldErrors;
  /** After a refused stale save: the answers as saved by the other person. */
  saved?: Answers;
  /** The file a file question already has. */
  file?: StoredFile;
}

/**
 * GET /calls/{slug}/applications/{id}/step/{n}: a page of questions, saved with the version it was
 * read at. A file question's page is an upload form (PDF up to 10 MB).
 */
export const ApplicationStepPage: FC<StepPageProps> = (p) => {
  const { t } = usePage().i18n;
  const base = `/calls/${p.call.slug}/applications/${p.applicationId}`;
  const next = p.step < p.steps ? `${base}/step/${p.step + 1}` : base;
  const fileQuestion = p.questions.length === 1 && p.questions[0].kind === 'file' ? p.questions[0] : undefined;
  return (
    <Layout title={t('calls.step.title', { step: p.step, steps: p.steps })} noindex>
      <p>
        <a href={base}>{t('calls.step.overview')}</a>
      </p>
      <h1 dir="auto">{p.call.title}</h1>
      <p class="meta">{t('calls.step.title', { step: p.step, steps: p.steps })}</p>
      <ErrorSummary errors={p.errors} />
      {p.saved && (
        <section class="notice" aria-labelledby="stale">
          <h2 id="stale">{t('calls.step.stale')}</h2>
          <p>{t('calls.step.stale_lead')}</p>
          <dl>
            {p.questions.map((q) => (
              <>
                <dt dir="auto">{q.label}</dt>
                <dd dir="auto">{[p.saved?.[q.key] ?? ''].flat().join(', ') || '—'}</dd>
              </>
            ))}
          </dl>
        </section>
      )}
      {fileQuestion ? (
        <form method="post" action={`${base}/files/${fileQuestion.key}`} enctype="multipart/form-data">
          <CsrfInput token={p.csrf} />
          <FieldShell
            name={`file_${fileQuestion.key}`}
            label={fileQuestion.label}
            hint={t('calls.file.hint')}
            errors={p.errors}
            required={fileQuestion.required}
          >
            <input
              type="file"
              id={`f-file_${fileQuestion.key}`}
              name="file"
              accept="application/pdf"
              aria-describedby={describedBy(`f-file_${fileQuestion.key}`, 'hint', p.errors?.[`file_${fileQuestion.key}`])}
            />
          </FieldShell>
          {p.file && (
            <p>
              {t('calls.file.current')}{' '}
              <a href={`${base}/files/${fileQuestion.key}`} dir="auto">
                {p.file.fileName}
              </a>
            </p>
          )}
          <div class="form-actions">
            <button type="submit">{t('calls.file.upload')}</button> <a href={next}>{t('calls.step.skip')}</a>
          </div>
        </form>
      ) : (
        <form method="post" action={`${base}/step/${p.step}`} novalidate>
          <CsrfInput token={p.csrf} />
          <input type="hidden" name="version" value={String(p.version)} />
          {p.questions.map((q) => (
            <QuestionField q={q} values={p.values} errors={p.errors} />
          ))}
          <div class="form-actions">
            <button type="submit">{t(p.step < p.steps ? 'calls.step.save_next' : 'calls.step.save_review')}</button>
          </div>
        </form>
      )}
    </Layout>
  );
};
