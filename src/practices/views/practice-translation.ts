import { languageDisplayName } from '../../i18n/display-names.ts';
import type { PracticeRecord } from '../practice.schema.ts';

/** A text shown on the page and the language it is written in, for the element's `lang`. */
export interface LangText {
  text: string;
  lang: string;
}

/** The parts of a practice that translations may replace, each with its language. */
export interface ShownTexts {
  title: LangText;
  summary: LangText;
  body?: LangText;
  /** The translation being read, or undefined when reading the original. */
  translation?: { lang: string; kind: 'machine' | 'human' | 'unknown' };
}

/**
 * Title, summary and body in the requested language where the record has them, else the original.
 * A language the record is not translated into is ignored: the original is shown.
 * @example shownTexts(record, 'fr').title // { text: 'Le titre', lang: 'fr' }
 */
export function shownTexts(record: PracticeRecord, lang: string | undefined): ShownTexts {
  const original = record.language;
  const tr = lang && lang !== original ? record.translations?.[lang] : undefined;
  const pick = (translated: string | undefined, fallback: string): LangText =>
    translated && lang ? { text: translated, lang } : { text: fallback, lang: original };
  return {
    title: pick(tr?.title, record.title),
    summary: pick(tr?.summary, record.summary),
    body: record.body || tr?.body ? pick(tr?.body, record.body ?? '') : undefined,
    translation: tr && lang ? { lang, kind: tr.machine === true ? 'machine' : tr.machine === false ? 'human' : 'unknown' } : undefined,
  };
}

/**
 * The name of a language in the reader's locale (or in the language itself for autonyms).
 * @example languageName('fr', 'en') // 'French'; languageName('fr', 'fr') // 'Français'
 */
export function languageName(code: string, locale: string, options: { inSentence?: boolean } = {}): string {
  const name = languageDisplayName(code, locale);
  // Inside a sentence CLDR's own casing is right ("l'anglais", not "l'Anglais").
  if (options.inSentence) return name;
  // Autonyms such as "français" are lower-case in CLDR; a list item reads better capitalised.
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
