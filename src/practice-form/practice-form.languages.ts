import { languageName } from '../practices/views/practice-translation.ts';

/**
 * ISO 639-1 languages offered for a practice's original language: the six UN languages, the
 * languages of the cities most present in the catalogue, and the main languages migrants speak.
 * A stored record in another language keeps it (the select adds the stored code).
 */
export const practiceLanguages = [
  'ar',
  'zh',
  'en',
  'fr',
  'ru',
  'es',
  'am',
  'bg',
  'bn',
  'bs',
  'ca',
  'cs',
  'da',
  'de',
  'el',
  'et',
  'eu',
  'fa',
  'fi',
  'ga',
  'gl',
  'ha',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'ku',
  'lt',
  'lv',
  'mk',
  'ms',
  'mt',
  'ne',
  'nl',
  'no',
  'pa',
  'pl',
  'ps',
  'pt',
  'ro',
  'sk',
  'sl',
  'so',
  'sq',
  'sr',
  'sv',
  'sw',
  'ta',
  'th',
  'ti',
  'tl',
  'tr',
  'uk',
  'ur',
  'vi',
  'yo',
] as const;

const cache = new Map<string, { code: string; name: string }[]>();

/**
 * Language choices named in the interface language, in its alphabetical order; `current` is
 * added when it is a code outside the list.
 * @example languageOptions('fr', 'en')[0] // { code: 'de', name: 'Allemand' }
 */
export function languageOptions(locale: string, current?: string): { code: string; name: string }[] {
  let list = cache.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = practiceLanguages.map((code) => ({ code, name: languageName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
    cache.set(locale, list);
  }
  if (current && /^[a-z]{2}$/.test(current) && !list.some((l) => l.code === current)) {
    return [...list, { code: current, name: languageName(current, locale) }];
  }
  return list;
}
