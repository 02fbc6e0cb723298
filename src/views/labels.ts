import { localCityName } from '../geo/city-names.ts';
import { countryName } from '../geo/countries.ts';
import { regionDisplayName } from '../i18n/display-names.ts';
import type { Translator } from '../i18n/i18n.ts';

/**
 * A city's name in the reader's language where CLDR has one, else as recorded.
 * @example cityLabel(translator('zh'), 'GB', 'London') // '伦敦'
 */
export function cityLabel(i18n: Translator, country: string, city: string): string {
  return localCityName(country, city, i18n.locale);
}

const rtlChar = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const strongChar = /[\p{L}]/u;

/**
 * Text wrapped in Unicode isolates (FSI … PDI) when its direction may differ from the page's,
 * for plain-text places where markup cannot go (tooltips, SVG titles, attributes): a Latin
 * city keeps its place in an Arabic sentence, an Arabic name in an English one.
 */
export function isolated(text: string, dir: Translator['dir']): string {
  const first = strongChar.exec(text)?.[0];
  const textDir = first && rtlChar.test(first) ? 'rtl' : 'ltr';
  return first && textDir !== dir ? `\u2068${text}\u2069` : text;
}

/** "Turin, Italy" in the reader's language (city localised where CLDR knows it); the country alone when there is no city. */
export function placeLabel(i18n: Translator, city: string | null | undefined, country: string): string {
  const name = countryName(country, i18n.locale);
  return city ? i18n.t('common.place', { city: isolated(cityLabel(i18n, country, city), i18n.dir), country: name }) : name;
}

/** Name of a UN M49 region or sub-region in the reader's language (CLDR knows them by code). */
export function regionLabel(i18n: Translator, code: string): string {
  return regionDisplayName(code, i18n.locale);
}

/**
 * Cities with their names in the reader's language (see `cityLabel`), for tables and maps.
 * @example localNames(translator('zh'), [{ country: 'DE', name: 'Berlin' }]) // [{ country: 'DE', name: '柏林' }]
 */
export function localNames<T extends { country: string; name: string }>(i18n: Translator, cities: T[]): T[] {
  return cities.map((c) => ({ ...c, name: cityLabel(i18n, c.country, c.name) }));
}
