import type { ApiDocument } from './openapi-document.ts';

/** One operation of the API as the /api page lists it. */
export interface ApiOperation {
  method: string;
  path: string;
  /** The document's summary: shown where the catalogue has no text of its own (`messageKey`). */
  summary: string;
  /** `api.op.` and the path after /api/v1/ with its parameters named: `api.op.practices.id`. */
  messageKey: string;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The operations of a document, in its order, for the /api page.
 * @example apiOperations(document)[0] // { method: 'GET', path: '/api/v1/practices', summary: 'Search the practices', messageKey: 'api.op.practices' }
 */
export function apiOperations(document: ApiDocument): ApiOperation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    methods
      .filter((m) => item?.[m])
      .map((m) => ({
        method: m.toUpperCase(),
        path,
        summary: item?.[m]?.summary ?? '',
        messageKey: `api.op.${path
          .replace(/^\/api\/v1\//, '')
          .replace(/[{}]/g, '')
          .replaceAll('/', '.')}`,
      })),
  );
}
