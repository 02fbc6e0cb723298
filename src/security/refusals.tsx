import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import type { RateResult } from './rate-limit.ts';
import { CsrfRefusedPage, RateLimitedPage } from './views/refusal-pages.tsx';

/** The 403 answer to a forged or stale form. */
export function csrfRefused(c: Context<AppEnv>): Response {
  c.header('cache-control', 'no-store');
  return renderPage(c, <CsrfRefusedPage />, 403) as Response;
}

/** The 429 answer, with Retry-After so scripts and proxies know when to come back. */
export function tooManyAttempts(c: Context<AppEnv>, result: RateResult): Response {
  c.header('cache-control', 'no-store');
  c.header('retry-after', String(result.retryAfterSeconds));
  return renderPage(c, <RateLimitedPage retryAfterSeconds={result.retryAfterSeconds} />, 429) as Response;
}
