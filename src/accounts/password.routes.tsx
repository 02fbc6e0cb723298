import { type Context, Hono } from 'hono';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { tooManyAttempts } from '../security/refusals.tsx';
import { forgotForm, readForm, resetForm } from './account.schema.ts';
import { requestPasswordReset, resetPassword } from './account.service.ts';
import { countAttempt } from './rate-rules.ts';
import { formToken } from './session.ts';
import { isTokenLive } from './token.repo.ts';
import { NoticePage } from './views/notice-page.tsx';
import { ForgotPage, ResetPage } from './views/password-pages.tsx';

/** /password/forgot and /password/reset: a forgotten password, reset through a mailed link. */
export function passwordRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const expired = (c: Context<AppEnv>) =>
    privatePage(
      c,
      <NoticePage
        title="accounts.reset.expired.title"
        body="accounts.reset.expired.body"
        link={{ href: '/password/forgot', label: 'accounts.reset.expired.again' }}
      />,
      400,
    );

  app.get('/password/forgot', (c) => privatePage(c, <ForgotPage csrf={formToken(c, deps.config)} />));

  app.post('/password/forgot', async (c) => {
    const values = await postedForm(c);
    const form = readForm(forgotForm, values);
    if (!form.ok) return privatePage(c, <ForgotPage values={values} errors={form.errors} csrf={formToken(c, deps.config)} />, 400);
    const limit = await countAttempt(c, deps, 'reset', form.data.email);
    if (!limit.allowed) return tooManyAttempts(c, limit);
    await requestPasswordReset(deps, form.data.email);
    // The same answer whether or not the address has an account.
    return seeOther(c, '/password/forgot/sent');
  });

  app.get('/password/forgot/sent', (c) =>
    privatePage(c, <NoticePage title="accounts.forgot.sent.title" body="accounts.forgot.sent.body" link={{ href: '/login', label: 'accounts.login.title' }} />),
  );

  app.get('/password/reset', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!token || !(await isTokenLive(deps.db, token, 'reset'))) return expired(c);
    return privatePage(c, <ResetPage token={token} csrf={formToken(c, deps.config)} />);
  });

  app.post('/password/reset', async (c) => {
    const values = await postedForm(c);
    const form = readForm(resetForm, values);
    const token = typeof values.token === 'string' ? values.token : '';
    if (!form.ok) {
      if (!token) return expired(c);
      return privatePage(c, <ResetPage token={token} errors={form.errors} csrf={formToken(c, deps.config)} />, 400);
    }
    if (!(await resetPassword(deps, form.data.token, form.data.password))) return expired(c);
    return seeOther(c, '/login?done=reset');
  });

  return app;
}
