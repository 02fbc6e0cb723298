import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { pageContextOf, renderPage } from '../http/render.tsx';
import { type FormCarry, postedFromOurPages } from './form-carry.ts';
import type { RateResult } from './rate-limit.ts';
import { CsrfRefusedPage, RateLimitedPage } from './views/refusal-pages.tsx';
import { ResumeFormPage, SessionEndedPage } from './views/session-pages.tsx';

/**
 * The 403 answer to a forged or stale form. One case keeps the person's work: a long form
 * (one `carry` names: a submission step, a translation) posted from our own pages after its
 * session ended gets a sign-in form carrying what was typed, or, when they are already signed in
 * again elsewhere, one button to post it with the current token. Nothing is written until they
 * press it. `formToken` gives an anonymous visitor the token of that sign-in form.
 * @example csrfProtection({ …, refuse: csrfRefusal(carry, (c) => formToken(c, config)) })
 */
export function csrfRefusal(carry: FormCarry, formToken: (c: Context<AppEnv>) => string): (c: Context<AppEnv>) => Promise<Response> {
  return async (c) => {
    c.header('cache-control', 'no-store');
    const { publicUrl } = pageContextOf(c);
    const ours = [new URL(publicUrl || c.req.url).origin, new URL(c.req.url).origin];
    const fields = postedFromOurPages(c, ours) ? await carry.carriedInput(c) : undefined;
    if (fields) {
      const account = c.get('account');
      if (account) return renderPage(c, <ResumeFormPage fields={fields} next={c.req.path} csrf={account.csrfToken} reason="stale" />, 403) as Response;
      return renderPage(c, <SessionEndedPage fields={fields} next={c.req.path} csrf={formToken(c)} />, 403) as Response;
    }
    return renderPage(c, <CsrfRefusedPage />, 403) as Response;
  };
}

/** The 429 answer, with Retry-After so scripts and proxies know when to come back. */
export function tooManyAttempts(c: Context<AppEnv>, result: RateResult): Response {
  c.header('cache-control', 'no-store');
  c.header('retry-after', String(result.retryAfterSeconds));
  return renderPage(c, <RateLimitedPage retryAfterSeconds={result.retryAfterSeconds} />, 429) as Response;
}
