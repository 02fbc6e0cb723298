/** Absolute URL of a practice's page. */
export const practicePageUrl = (publicUrl: string, id: string) => `${publicUrl}/practices/${encodeURIComponent(id)}`;

/** Absolute URL of a practice's record in the exchange format. */
export const practiceApiUrl = (publicUrl: string, id: string) => `${publicUrl}/api/v1/practices/${encodeURIComponent(id)}`;

/**
 * A path with a query string, leaving out the `?` when there is none.
 * @example withQuery('/practices', 'theme=housing') // '/practices?theme=housing'
 */
export const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);
