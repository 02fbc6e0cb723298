/** Absolute URL of a practice's page. */
export const practicePageUrl = (publicUrl: string, id: string) => `${publicUrl}/practices/${encodeURIComponent(id)}`;

/** Absolute URL of a practice's record in the exchange format. */
export const practiceApiUrl = (publicUrl: string, id: string) => `${publicUrl}/api/v1/practices/${encodeURIComponent(id)}`;

/** A city's path, as its page and its API record share it. */
const cityPath = (country: string, slug: string) => `/cities/${country.toLowerCase()}/${encodeURIComponent(slug)}`;

/** Absolute URL of a city's page. */
export const cityPageUrl = (publicUrl: string, country: string, slug: string) => `${publicUrl}${cityPath(country, slug)}`;

/** Absolute URL of a city's record in the API. */
export const cityApiUrl = (publicUrl: string, country: string, slug: string) => `${publicUrl}/api/v1${cityPath(country, slug)}`;

/**
 * A path with a query string, leaving out the `?` when there is none.
 * @example withQuery('/practices', 'theme=housing') // '/practices?theme=housing'
 */
export const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);
