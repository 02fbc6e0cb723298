/** A call's slug in a route path (lower-case words joined by hyphens). */
export const callSlugPattern = ':slug{[a-z0-9]+(?:-[a-z0-9]+)*}';

/** An application's id in a route path. */
export const applicationIdPattern = ':id{[0-9]+}';
