import { countryName } from '../geo/countries.ts';
import { regionDisplayName } from '../i18n/display-names.ts';
import type { Translator } from '../i18n/i18n.ts';

/** "Turin, Italy" in the reader's language; the country alone when there is no city. */
export function placeLabel(i18n: Translator, city: string | null | undefined, country: string): string {
  const name = countryName(country, i18n.locale);
  return city ? i18n.t('common.place', { city, country: name }) : name;
}

/** Name of a UN M49 region or sub-region in the reader's language (CLDR knows them by code). */
export function regionLabel(i18n: Translator, code: string): string {
  return regionDisplayName(code, i18n.locale);
}
