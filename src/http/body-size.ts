import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './app-env.ts';
import { respondWithError } from './error-handler.tsx';
import { tooLarge } from './errors.ts';

/** Forms: the largest practice (seven Markdown fields of 50,000 characters) fits several times over. */
export const formBodyLimit = 4 * 1024 * 1024;
/** The browser import takes an exchange file of up to 50 MB, plus the form around it. */
export const importBodyLimit = 51 * 1024 * 1024;
/** A call's file question takes a PDF of up to 10 MB, plus the form around it. */
export const uploadBodyLimit = 11 * 1024 * 1024;
/** The one route that takes such a file: POST /calls/{slug}/applications/{id}/files/{question}. */
const uploadPath = /^\/calls\/[a-z0-9-]+\/applications\/\d+\/files\/[a-z0-9_]+$/;
/** A resource of the library takes a PDF of up to 20 MB, plus the form around it. */
export const resourceUploadBodyLimit = 21 * 1024 * 1024;
/** The route that takes it: POST /resources/submissions/{id}/file. */
const resourceUploadPath = /^\/resources\/submissions\/\d+\/file$/;

/**
 * Refuses request bodies beyond their route's limit with a 413 page (or problem document)
 * before anything reads them — the CSRF check parses forms, so this must come first.
 * `/internal/*` (the local CLI, bearer token) streams whole catalogues and is not limited.
 * @example app.use(bodySizeLimit());
 */
export function bodySizeLimit(): MiddlewareHandler<AppEnv> {
  const forms = bodyLimit({ maxSize: formBodyLimit, onError: (c) => respondWithError(c, tooLarge('(4 MB)')) });
  const imports = bodyLimit({ maxSize: importBodyLimit, onError: (c) => respondWithError(c, tooLarge('(50 MB)')) });
  const uploads = bodyLimit({ maxSize: uploadBodyLimit, onError: (c) => respondWithError(c, tooLarge('(10 MB)')) });
  const resourceUploads = bodyLimit({ maxSize: resourceUploadBodyLimit, onError: (c) => respondWithError(c, tooLarge('(20 MB)')) });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path.startsWith('/internal/')) return next();
    if (uploadPath.test(c.req.path)) return uploads(c, next);
    if (resourceUploadPath.test(c.req.path)) return resourceUploads(c, next);
    return (c.req.path === '/admin/import' ? imports : forms)(c, next);
  };
}
