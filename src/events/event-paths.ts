/** An event's id in a route's path (Hono pattern): lower-case words joined by hyphens. */
export const eventIdPattern = ':id{[a-z0-9]+(?:-[a-z0-9]+)*}';
