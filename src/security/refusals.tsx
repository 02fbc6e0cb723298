import type { Context } from 'hono';
import { formToken } from '../accounts/session.ts';
import type { Config } from '../config.ts';
import type { AppEnv } from '../http/app-env.ts';
import { pageContextOf, renderPage } from '../http/render.tsx';
import { carriedInput, postedFromOurPages } from '../submissions/form-carry.ts';
import { ResumeFormPage, SessionEndedPage } from '../submissions/views/session-pages.tsx';
import type { RateResult } from './rate-limit.ts';
import { CsrfRefusedPage, RateLimitedPage } from './views/refusal-pages.tsx';

/**
 * The 403 answer to a forged or stale form. One case keeps the person's work: a long form
 * (a submission step, a translation) posted from our own pages after its session ended gets a
 * sign-in form carrying what was typed, or, when they are already signed in again elsewhere, one
 * button to post it with the current token. Nothing is written until they press it.
 */
export async function csrfRefused(c: Context<AppEnv>): Promise<Response> {
  c.header('cache-control', 'no-store');
  const { publicUrl } = pageContextOf(c);
  const ours = [new URL(publicUrl || c.req.url).origin, new URL(c.req.url).origin];
  const fields = postedFromOurPages(c, ours) ? await carriedInput(c) : undefined;
  if (fields) {
    const account = c.get('account');
    if (account) return renderPage(c, <ResumeFormPage fields={fields} next={c.req.path} csrf={account.csrfToken} reason="stale" />, 403) as Response;
    // formToken reads only the public URL from the config (for the cookie's Secure flag); the refusal hook gets no config.
    const csrf = formToken(c, { publicUrl } as Config);
    return renderPage(c, <SessionEndedPage fields={fields} next={c.req.path} csrf={csrf} />, 403) as Response;
  }
  return renderPage(c, <CsrfRefusedPage />, 403) as Response;
}

/** The 429 answer, with Retry-After so scripts and proxies know when to come back. */
export function tooManyAttempts(c: Context<AppEnv>, result: RateResult): Response {
  c.header('cache-control', 'no-store');
  c.header('retry-after', String(result.retryAfterSeconds));
  return renderPage(c, <RateLimitedPage retryAfterSeconds={result.retryAfterSeconds} />, 429) as Response;
}
