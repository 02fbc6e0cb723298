import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { FieldShell, TextArea, TextInput } from '../../practice-form/views/form-controls.tsx';
import { exportLicense } from '../../practices/export/exchange-json.ts';
import { practiceHref } from '../../practices/views/practice-links.ts';
import { languageName } from '../../practices/views/practice-translation.ts';
import { renderMarkdown } from '../../shared/markdown.ts';
import { CheckboxField, CsrfInput, ErrorSummary, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { isoLanguageOptions } from '../iso-languages.ts';
import { translationLimits } from '../submit.schema.ts';
import { translatePath } from '../submit-paths.ts';
import { consentField, LicenseConsentField } from './license-consent.tsx';

/** The practice being translated, in its original language. */
export interface TranslatedPractice {
  id: string;
  title: string;
  summary: string;
  body?: string;
  language: string;
}

/** What the translation form holds. */
export interface TranslationValues {
  title: string;
  summary: string;
  body: string;
  machine: boolean;
  /** Consent to publish the translation under the collection's licence, as posted. */
  consent: boolean;
}

/** The language chooser: a GET form, so choosing a language reloads the form pre-filled for it, without JavaScript. */
const LanguageChooser: FC<{ practice: TranslatedPractice; lang?: string; error?: string }> = ({ practice, lang, error }) => {
  const { t, locale } = usePage().i18n;
  return (
    <form method="get" action={translatePath(practice.id)} class="translate-chooser">
      <FieldShell
        name="lang"
        label={t('submissions.translate.language')}
        hint={t('submissions.translate.language_hint')}
        errors={error ? { lang: error } : undefined}
      >
        <select id="f-lang" name="lang" aria-describedby={error ? 'f-lang-hint f-lang-error' : 'f-lang-hint'}>
          {!lang && <option value="">{t('form.choose')}</option>}
          {isoLanguageOptions(locale)
            .filter((l) => l.code !== practice.language)
            .map((l) => (
              <option value={l.code} selected={l.code === lang}>
                {l.name}
              </option>
            ))}
        </select>
      </FieldShell>
      <button type="submit" class="button--secondary">
        {t('submissions.translate.choose')}
      </button>
    </form>
  );
};

/** The original texts beside the form, for the translator to work from. */
const Original: FC<{ practice: TranslatedPractice }> = ({ practice }) => {
  const { t, locale } = usePage().i18n;
  return (
    <section class="translate-original" aria-labelledby="original-heading" lang={practice.language} dir="auto">
      <h2 id="original-heading">{t('submissions.translate.original', { language: languageName(practice.language, locale) })}</h2>
      <h3>{practice.title}</h3>
      <p class="draft-readback__text">{practice.summary}</p>
      {practice.body && (
        <details>
          <summary>{t('form.field.body')}</summary>
          <div class="prose">{raw(renderMarkdown(practice.body, { topHeading: 4 }))}</div>
        </details>
      )}
    </section>
  );
};

/** The person's translation sent back for changes, with the reviewer's message. */
const RevisingNotice: FC<{ message: string | null }> = ({ message }) => {
  const { t } = usePage().i18n;
  return (
    <div class="notice" role="status">
      <p>{t('submissions.review.changes_requested')}</p>
      {message && (
        <p class="submission-message" dir="auto">
          {message}
        </p>
      )}
    </div>
  );
};

/** The three translated texts, in the chosen language. */
const TranslationTexts: FC<{ lang: string; values: TranslationValues; errors?: Record<string, string>; preview?: string }> = ({
  lang,
  values,
  errors,
  preview,
}) => {
  const { t } = usePage().i18n;
  return (
    <>
      <TextInput
        name="title"
        label={t('form.field.title')}
        hint={t('submissions.translate.hint.title')}
        value={values.title}
        errors={errors}
        maxlength={translationLimits.title}
        lang={lang}
        autoDir
      />
      <TextArea
        name="summary"
        label={t('form.field.summary')}
        hint={t('form.hint.summary')}
        value={values.summary}
        errors={errors}
        maxlength={translationLimits.summary}
        rows={4}
        lang={lang}
      />
      <TextArea
        name="body"
        label={t('form.field.body')}
        hint={t('form.hint.markdown')}
        value={values.body}
        errors={errors}
        maxlength={translationLimits.body}
        rows={12}
        lang={lang}
        preview={preview || undefined}
      />
    </>
  );
};

type TranslatePageProps = {
  practice: TranslatedPractice;
  lang?: string;
  langError?: string;
  values: TranslationValues;
  errors?: Record<string, string>;
  preview?: string;
  requestKey: string;
  /** The person's translation sent back for changes, which this form revises. */
  revising?: { id: number; version: number; message: string | null };
  existing: boolean;
  conflict?: boolean;
  csrf: string;
};

/** The translation form for a chosen language: the texts, whether a machine made them, send or preview. */
const TranslationForm: FC<Omit<TranslatePageProps, 'langError' | 'existing' | 'conflict'> & { lang: string }> = ({
  practice,
  lang,
  values,
  errors,
  preview,
  requestKey,
  revising,
  csrf,
}) => {
  const { t } = usePage().i18n;
  return (
    <form method="post" action={translatePath(practice.id)} class="submit-form" novalidate>
      <CsrfInput token={csrf} />
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="request_key" value={requestKey} />
      {revising && <input type="hidden" name="submission" value={String(revising.id)} />}
      {revising && <input type="hidden" name="version" value={String(revising.version)} />}
      <TranslationTexts lang={lang} values={values} errors={errors} preview={preview} />
      <CheckboxField
        id="f-machine"
        name="machine"
        checked={values.machine}
        label={t('submissions.translate.machine')}
        hint={t('submissions.translate.machine_hint')}
      />
      <LicenseConsentField license={exportLicense} checked={values.consent} error={errors?.[consentField]} />
      <p class="form-field__hint">{t('submissions.translate.review_hint')}</p>
      <div class="form-actions">
        <button type="submit" name="action" value="send">
          {t('submissions.action.send')}
        </button>
        <button type="submit" name="action" value="preview" class="button--secondary">
          {t('submissions.action.preview')}
        </button>
      </div>
    </form>
  );
};

/**
 * /practices/{id}/translate: choose a language, then write or improve the title, summary and
 * description in it (pre-filled from the translation there is), say whether a machine made it,
 * and send it to review.
 */
export const TranslatePage: FC<TranslatePageProps> = (props) => {
  const { practice, lang, langError, errors, revising, existing, conflict } = props;
  const { t, locale } = usePage().i18n;
  const language = lang ? languageName(lang, locale, { inSentence: true }) : '';
  return (
    <Layout title={t('submissions.translate.title')} noindex>
      <div class="submit-page translate-page">
        <h1>{t('submissions.translate.title')}</h1>
        <p class="adapt-banner">
          {t('submissions.translate.of')}{' '}
          <a href={practiceHref(practice.id)} lang={practice.language} dir="auto">
            <bdi>{practice.title}</bdi>
          </a>
        </p>
        <LanguageChooser practice={practice} lang={lang} error={langError} />
        {lang && (
          <div class="translate-layout">
            <div>
              <h2>{t('submissions.translate.yours', { language })}</h2>
              {revising && <RevisingNotice message={revising.message} />}
              {!revising && existing && <p class="form-field__hint">{t('submissions.translate.prefilled')}</p>}
              {conflict && <Notice>{t('submissions.notice.conflict')}</Notice>}
              <ErrorSummary errors={errors} />
              <TranslationForm {...props} lang={lang} />
            </div>
            <Original practice={practice} />
          </div>
        )}
      </div>
    </Layout>
  );
};
