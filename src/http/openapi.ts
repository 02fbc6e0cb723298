import { type Hook, OpenAPIHono, z } from '@hono/zod-openapi';
import { locales } from '../i18n/i18n.ts';
import type { AppEnv } from './app-env.ts';
import { badRequest } from './errors.ts';

export { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';

/**
 * The JSON API's shared OpenAPI plumbing. Each product area declares its operations with
 * `createRoute` on a router from `apiRouter()`; src/app.ts mounts the routers with `app.route()`
 * and the document (GET /api/v1/openapi.json) is assembled from them, so the zod schemas that
 * validate a request and shape its answer are the ones the document publishes.
 *
 * @example
 * const things = createRoute({
 *   method: 'get',
 *   path: '/api/v1/things',
 *   tags: ['Things'],
 *   summary: 'List the things',
 *   request: { query: z.object({ ...pageQuery, lang: langParam }).strict() },
 *   responses: { 200: jsonContent(thingPage, 'A page of things'), ...problemResponses(400) },
 * });
 * const api = apiRouter();
 * api.openapi(things, async (c) => {
 *   const { page_size, cursor, lang } = c.req.valid('query');
 *   return c.json(await listThings(db, { page_size, after: readCursor(cursor, thingKey), lang }), 200);
 * });
 * app.route('/', api);
 */

/**
 * A router whose failed validations (query, path, body) become the app's 400 problem documents.
 * A router that mounts others with `route()` must be one too, for their operations to reach it.
 * @example const api = apiRouter(); api.openapi(route, handler); app.route('/', api);
 */
export function apiRouter(init: { getPath?: (request: Request) => string } = {}): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ ...init, defaultHook: problemHook });
}

/** The most items one page of any list holds. */
export const maxPageSize = 100;
/** Items on a page when `page_size` is not given. */
export const defaultPageSize = 20;

/**
 * Turns a failed zod validation into a 400 problem document naming every bad parameter: an
 * unknown parameter, one given twice (Hono hands it over as a list) or a malformed value.
 */
const problemHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const problems: { path: string; message: string }[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) problems.push({ path: key, message: 'is not a parameter of this endpoint' });
    else if (result.target === 'query' && (c.req.queries(path)?.length ?? 0) > 1) problems.push({ path, message: 'must be given once' });
    else problems.push({ path, message: issue.message });
  }
  throw badRequest(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
};

/** `page_size`: how many items a page holds, 1–100, 20 by default. */
export const pageSizeParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(maxPageSize)
  .default(defaultPageSize)
  .openapi({ param: { name: 'page_size', in: 'query' }, description: 'Items per page (1–100).', example: 20 });

/** `cursor`: where the next page starts, as the previous page's `next` URL gives it. */
export const cursorParam = z
  .string()
  .max(500)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this API gave')
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: "Opaque: copy it from the previous page's `next` URL." });

/** `page`: the page number, for shallow paging; deep paging uses `cursor`. */
export const pageParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(100_000)
  .default(1)
  .openapi({ param: { name: 'page', in: 'query' }, description: 'Page number (from 1); for deep paging follow `next`, which carries a cursor.' });

/** The paging parameters every list takes: spread them into a query object. */
export const pageQuery = { page_size: pageSizeParam, cursor: cursorParam };

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Whether a code is an ISO 639-1 language (two letters the platform's ICU data names). */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined;
}

/** `lang`: an ISO 639-1 language code such as "en"; an unknown one is refused. */
export const langParam = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .refine(isLanguageCode, 'must be an ISO 639-1 code such as "en"')
  .optional()
  .openapi({ param: { name: 'lang', in: 'query' }, description: 'ISO 639-1 language code such as "en".', type: 'string', example: 'en' });

/** An RFC 9457 problem document, as src/http/error-handler.tsx writes it. */
export const problemSchema = z
  .object({
    type: z.string().url(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    instance: z.string(),
  })
  .openapi('Problem');

const problemTitles: Record<number, string> = {
  400: 'Bad request: an unknown parameter or a malformed value (each is named in `errors`).',
  401: 'Not signed in.',
  403: 'Not allowed.',
  404: 'Not found.',
};

/**
 * The problem answers an operation may give, for its `responses`.
 * @example responses: { 200: jsonContent(thing, 'The thing'), ...problemResponses(400, 404) }
 */
export function problemResponses(...statuses: (400 | 401 | 403 | 404)[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: problemTitles[status] ?? 'Problem', content: { 'application/problem+json': { schema: problemSchema } } }]),
  ) as Record<400 | 401 | 403 | 404, { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } }>;
}

/**
 * A JSON answer for `responses`.
 * @example responses: { 200: jsonContent(citySchema, 'The city') }
 */
export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/**
 * A page's `next` cursor: the sort key and id of its last item, base64url-encoded JSON.
 * @example encodeCursor(['2024-05-01', 42]) // 'WyIyMDI0LTA1LTAxIiw0Ml0'
 */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Reads a cursor back with the schema of its key; anything else (edited, from another list) is a 400.
 * @example const after = readCursor(query.cursor, z.tuple([z.string(), z.number().int()]));
 */
export function readCursor<T extends z.ZodType>(cursor: string | undefined, key: T): z.infer<T> | undefined {
  if (cursor === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = key.safeParse(raw);
  if (!parsed.success) throw badRequest('cursor is not a cursor this API gave', [{ path: 'cursor', message: 'is not a cursor this API gave' }]);
  return parsed.data;
}

/**
 * The absolute URL of the page after this one: the request's own query with `cursor` set
 * (and `page` dropped), on the public URL.
 * @example nextUrl(c.req.url, config.publicUrl, encodeCursor([last.name, last.id]))
 */
export function nextUrl(requestUrl: string, publicUrl: string, cursor: string): string {
  const url = new URL(requestUrl);
  url.searchParams.delete('page');
  url.searchParams.set('cursor', cursor);
  return `${publicUrl}${url.pathname}${url.search}`;
}

/**
 * The schema of one page of a list as `apiPage()` (api-page.ts) writes it, named in the document.
 * @example responses: { 200: jsonContent(pageOf(apiOrganization, 'OrganizationList'), 'A page of organisations') }
 */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      total: z.number().int(),
      page: z.number().int(),
      page_size: z.number().int(),
      next: z.string().url().nullable().describe("The next page's URL, or null on the last page."),
      items: z.array(item),
    })
    .openapi(name);
}

/** `lang` for labels: one of the site's languages; by default the request's page language. */
export const localeParam = z
  .enum(locales as [string, ...string[]])
  .optional()
  .openapi({ param: { name: 'lang', in: 'query' }, description: 'Language of the labels: one of the site languages.' });

/** The query of an operation that takes no parameter: any parameter is refused (a 400 naming it). */
export const noQuery = z.object({}).strict();

/** The cursor of a list sorted by name then id: the last item's name (as stored) and id. */
export const nameIdCursor = z.tuple([z.string().max(500), z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,17}$/)])]);
