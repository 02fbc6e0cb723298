import { countryName } from '../../geo/countries.ts';

/**
 * Cities sorted as a reader looks them up: by country name, then city name, in their language.
 * The country page's table and the map's table both list cities this way.
 * @example sortForReading(cities, 'fr') // Allemagne's cities before Italie's
 */
export function sortForReading<T extends { country: string; name: string }>(cities: T[], locale: string): T[] {
  const collator = new Intl.Collator(locale);
  const named = cities.map((c) => ({ c, country: countryName(c.country, locale) }));
  named.sort((a, b) => collator.compare(a.country, b.country) || collator.compare(a.c.name, b.c.name));
  return named.map((n) => n.c);
}
