import type { MiddlewareHandler } from 'hono';
import { unstorableProblem, withUnstorableReplaced } from '../shared/storable-text.ts';
import type { AppEnv } from './app-env.ts';
import { respondWithError } from './error-handler.tsx';
import { badRequest } from './errors.ts';

/** A part of an address that breaks the text rule: the parameter (or `path`) and what is wrong. */
export interface UrlTextProblem {
  path: string;
  message: string;
}

/** Decodes a run of percent-escapes, or leaves it as written when it is not UTF-8. */
function decodedRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run;
  }
}

/**
 * A path segment as routes see it: percent-decoded, and when the whole is not valid (`%00%%00`),
 * each run of escapes on its own, as the router decodes parameters.
 */
function decodedSegment(segment: string): string {
  const whole = decodedRun(segment);
  return whole !== segment ? whole : segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodedRun);
}

/**
 * The first part of an address (a path segment, a parameter's name or value) holding a
 * character no text may hold (see shared/storable-text.ts), or undefined.
 * @example urlTextProblem('http://x/practices?q=%00') // { path: 'q', message: 'contains U+0000 …' }
 */
export function urlTextProblem(url: string): UrlTextProblem | undefined {
  const { pathname, searchParams } = new URL(url);
  // Segments are decoded one by one, as the router decodes parameters (`%2F` stays inside its segment).
  const pathProblem = unstorableProblem(pathname.split('/').map(decodedSegment).join('/'));
  if (pathProblem) return { path: 'path', message: pathProblem };
  for (const [name, value] of searchParams) {
    const nameProblem = unstorableProblem(name);
    // The name is shown back without the character, so the answer never holds it either.
    if (nameProblem) return { path: withUnstorableReplaced(name), message: `the parameter name ${nameProblem}` };
    const problem = unstorableProblem(value);
    if (problem) return { path: name, message: problem };
  }
  return undefined;
}

/**
 * Refuses, before any route reads it, an address whose path or query holds a character no
 * text may hold (NUL, other control characters, lone surrogates): a 400 page in the site's
 * look, or a problem document under /api/, naming the parameter. Routes then never pass such
 * text to the database (PostgreSQL refuses NUL, which would be a 500) or into a page.
 * @example app.use(urlTextGuard());
 */
export function urlTextGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const problem = urlTextProblem(c.req.url);
    if (problem) return respondWithError(c, badRequest(`${problem.path} ${problem.message}`, [problem]));
    return next();
  };
}
