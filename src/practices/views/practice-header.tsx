import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import type { PracticeRecord } from '../practice.schema.ts';
import { practiceHref, searchHref } from './practice-links.ts';
import { languageName, type ShownTexts } from './practice-translation.ts';

/** Home › Practices › this practice. */
const Breadcrumbs: FC<{ title: ShownTexts['title'] }> = ({ title }) => {
  const { t } = usePage().i18n;
  return (
    <nav class="breadcrumbs" aria-label={t('practice.breadcrumbs')}>
      <ol>
        <li>
          <a href="/">{t('nav.home')}</a>
        </li>
        <li>
          <a href="/practices">{t('nav.practices')}</a>
        </li>
        <li aria-current="page" lang={title.lang} dir="auto">
          {title.text}
        </li>
      </ol>
    </nav>
  );
};

/** Links to the original and every translation, each named in its own language. */
export const LanguageLinks: FC<{ record: PracticeRecord; current: string }> = ({ record, current }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const langs = Object.keys(record.translations ?? {}).sort();
  if (langs.length === 0) return null;
  // The autonym carries its own lang so screen readers pronounce it; the marker is in the interface language.
  const link = (lang: string, href: string, isOriginal = false) => (
    <li>
      <a href={href} hreflang={lang} aria-current={lang === current ? 'page' : undefined}>
        <span lang={lang} dir="auto">
          {languageName(lang, lang)}
        </span>
        {isOriginal && ` ${t('practice.language.original')}`}
      </a>
    </li>
  );
  return (
    <nav class="practice-languages" aria-labelledby="languages-label">
      <span id="languages-label" class="practice-languages__label">
        {t('practice.languages')}
      </span>
      <ul class="language-links">
        {link(record.language, practiceHref(record.id, record.language), true)}
        {langs.map((l) => link(l, practiceHref(record.id, l)))}
      </ul>
    </nav>
  );
};

/** Says which translation is shown, whether a machine or a person made it, and links the original. */
const TranslationNote: FC<{ record: PracticeRecord; translation: NonNullable<ShownTexts['translation']> }> = ({ record, translation }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const original = languageName(record.language, i18n.locale, { inSentence: true });
  return (
    <p class="notice" role="note">
      {t('practice.translation.note', { kind: translation.kind, language: languageName(translation.lang, i18n.locale, { inSentence: true }), original })}{' '}
      <a href={practiceHref(record.id, record.language)} hreflang={record.language}>
        {t('practice.translation.read_original', { original })}
      </a>
    </p>
  );
};

/** In an interface language the record is neither written nor translated in: say so, and name its language. */
const UntranslatedNote: FC<{ record: PracticeRecord }> = ({ record }) => {
  const { i18n } = usePage();
  return (
    <p class="notice" role="note">
      {i18n.t('practice.untranslated.note', {
        original: languageName(record.language, i18n.locale, { inSentence: true }),
        language: languageName(i18n.locale, i18n.locale, { inSentence: true }),
      })}
    </p>
  );
};

/** The top of a practice page: breadcrumbs, title, summary, themes and the language choice. */
export const PracticeHeader: FC<{ record: PracticeRecord; shown: ShownTexts }> = ({ record, shown }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const untranslated = !shown.translation && record.language !== i18n.locale && !record.translations?.[i18n.locale];
  return (
    <header class="practice-header">
      <Breadcrumbs title={shown.title} />
      <h1 lang={shown.title.lang} dir="auto">
        {shown.title.text}
      </h1>
      <p class="lead" lang={shown.summary.lang} dir="auto">
        {shown.summary.text}
      </p>
      <ul class="tags" aria-label={t('practice.themes')}>
        {record.themes.map((th) => (
          <li class="tag">
            <a href={searchHref('theme', th)}>{t(`theme.${th}`)}</a>
          </li>
        ))}
      </ul>
      {shown.translation && <TranslationNote record={record} translation={shown.translation} />}
      {untranslated && <UntranslatedNote record={record} />}
      <LanguageLinks record={record} current={shown.translation?.lang ?? record.language} />
    </header>
  );
};
