/**
 * PostgreSQL 15 ships Snowball stemmers for these languages. Each gets an accent-folding copy
 * (`ch_<name>`) made by the first migration; any other language falls back to `ch_simple`.
 */
export const stemmedLanguages: Record<string, string> = {
  ar: 'arabic',
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  el: 'greek',
  hu: 'hungarian',
  id: 'indonesian',
  ga: 'irish',
  it: 'italian',
  lt: 'lithuanian',
  ne: 'nepali',
  no: 'norwegian',
  nb: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  es: 'spanish',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
};

/** The accent-folding text-search configuration for an ISO 639-1 language code. */
export function textConfigFor(language: string): string {
  const name = stemmedLanguages[language];
  return name ? `ch_${name}` : 'ch_simple';
}
