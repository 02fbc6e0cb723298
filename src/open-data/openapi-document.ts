import type { Config } from '../config.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { OpenAPIHono } from '../http/openapi.ts';

/** The OpenAPI 3.1 document of the JSON API, as the generator writes it. */
export type ApiDocument = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

/** The document's description of the API as a whole. */
const description = [
  'Open data of the Clearinghouse: practices cities use to include migrants, cities, countries, organisations, people and events.',
  'Every answer is JSON; errors are RFC 9457 problem documents (`application/problem+json`) that name each bad parameter.',
  'An unknown parameter is refused. Every GET carries an ETag: send it back in `If-None-Match` to get a 304 when nothing changed.',
  'Lists take `page_size` (1–100, 20 by default) and give the next page as a URL in `next`.',
].join(' ');

/**
 * The document of every operation registered on `app` (the areas' routers, mounted with
 * `route()`), built once on first use: routes are all registered by the time a request comes.
 * @example const document = openApiDocument(app, config); document().paths['/api/v1/practices']
 */
export function openApiDocument(app: OpenAPIHono<AppEnv>, config: Pick<Config, 'publicUrl'>): () => ApiDocument {
  let built: ApiDocument | undefined;
  return () => {
    if (!built) {
      // The reviewers' API reads the session cookie the sign-in sets (accounts/session.ts).
      app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'ch_session' });
      built = app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'Clearinghouse API', version: '1', description, license: { name: 'Data: see /api', url: `${config.publicUrl}/api` } },
        servers: [{ url: config.publicUrl }],
      });
    }
    return built;
  };
}
