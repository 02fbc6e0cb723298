import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../http/app-env.ts';
import type { ApiDocument } from './openapi-document.ts';

/**
 * GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, serialised once.
 * @example const res = await app.request('/api/v1/openapi.json');
 */
export function openApiDocumentRoutes(document: () => ApiDocument): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let text: string | undefined;
  app.get('/api/v1/openapi.json', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }), (c) => {
    text ??= JSON.stringify(document());
    c.header('cache-control', 'public, max-age=300');
    return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  return app;
}
