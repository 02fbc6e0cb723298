import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Logger } from '../shared/logger.ts';
import { escapedUnstorable } from '../shared/storable-text.ts';
import type { AppEnv } from './app-env.ts';
import { ErrorPage } from './error-pages.tsx';
import { AppError } from './errors.ts';
import { renderPage } from './render.tsx';

/** Whether the client is a machine: API paths get RFC 9457 problem documents, pages get HTML. */
function wantsProblemJson(c: Context): boolean {
  return c.req.path.startsWith('/api/') || c.req.path.startsWith('/internal/');
}

/** Seconds a client is asked to wait before trying again after a 503: a database restart or a start-up takes about that long. */
export const retryAfterSeconds = 5;

/** Turns an AppError into a problem document (RFC 9457) or an error page; never leaks a stack. */
export function respondWithError(c: Context<AppEnv>, error: AppError) {
  c.header('cache-control', 'no-store');
  if (error.code === 'unavailable') c.header('retry-after', String(retryAfterSeconds));
  if (wantsProblemJson(c)) {
    const { t } = c.get('i18n');
    return c.body(
      // A detail may quote input: JSON.stringify escapes control characters but not U+FFFE/U+FFFF.
      escapedUnstorable(
        JSON.stringify({
          type: `https://clearinghouse.example/problems/${error.code}`,
          title: t(`error.${error.code}.title`),
          status: error.status,
          code: error.code,
          detail: error.detail,
          errors: error.fields,
          instance: c.req.path,
        }),
      ),
      error.status as 400,
      { 'content-type': 'application/problem+json; charset=utf-8' },
    );
  }
  return renderPage(c, <ErrorPage code={error.code} detail={error.detail} />, error.status as 400);
}

/** During an outage every request fails alike: one warning per interval says so, with the count. */
const outageLogIntervalMs = 5_000;

/**
 * The app's onError: known errors keep their code; a database that cannot be reached (down,
 * restarting, cut off, timed out) is "unavailable", a 503 with Retry-After, logged as one
 * warning every few seconds rather than a stack per request; anything else is logged with its
 * stack and shown as a plain "something went wrong".
 */
export function errorHandler(log: Logger) {
  let outage = { loggedAt: 0, since: 0 };
  return (err: Error, c: Context<AppEnv>) => {
    let error: AppError;
    if (err instanceof AppError) error = err;
    else if (err instanceof HTTPException && err.status < 500) error = new AppError(err.status === 404 ? 'not_found' : 'bad_request', err.message);
    else if (isDatabaseUnavailable(err)) {
      const now = Date.now();
      outage.since++;
      if (now - outage.loggedAt >= outageLogIntervalMs) {
        log.warn('database unavailable', { method: c.req.method, path: c.req.path, error: err.message, requests: outage.since });
        outage = { loggedAt: now, since: 0 };
      }
      return respondWithError(c, new AppError('unavailable'));
    } else error = new AppError('internal');
    if (error.reportable) log.error('request failed', { method: c.req.method, path: c.req.path, error: err.message, stack: err.stack });
    return respondWithError(c, error);
  };
}
