import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../shared/logger.ts';

/** One structured log line per request: method, path, status and server time in ms. */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = Math.round((performance.now() - start) * 10) / 10;
    c.header('server-timing', `app;dur=${ms}`);
    log.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms });
  };
}
