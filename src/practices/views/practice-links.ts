/** Addresses of the pages a practice page links to, in one place so they stay consistent. */

/** A practice page, optionally in one of its translations. @example practiceHref('nyc-idnyc', 'es') // '/practices/nyc-idnyc?lang=es' */
export const practiceHref = (id: string, lang?: string) => (lang ? `/practices/${id}?lang=${encodeURIComponent(lang)}` : `/practices/${id}`);

/** A city page. @example cityHref('IT', 'turin') // '/cities/it/turin' */
export const cityHref = (country: string, citySlug: string) => `/cities/${country.toLowerCase()}/${citySlug}`;

/** A country page. @example countryHref('IT') // '/countries/it' */
export const countryHref = (country: string) => `/countries/${country.toLowerCase()}`;

/** A search filtered on one facet value. @example searchHref('theme', 'housing') // '/practices?theme=housing' */
export const searchHref = (facet: 'theme' | 'region' | 'actor' | 'target', value: string) => `/practices?${new URLSearchParams({ [facet]: value }).toString()}`;

/** The record in the exchange format. @example apiHref('nyc-idnyc') // '/api/v1/practices/nyc-idnyc' */
export const apiHref = (id: string) => `/api/v1/practices/${id}`;
