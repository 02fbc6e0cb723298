import { type Context, Hono } from 'hono';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { tooManyAttempts } from '../security/refusals.tsx';
import { readForm, signupForm } from './account.schema.ts';
import { confirmEmail, signUp } from './account.service.ts';
import { countAttempt } from './rate-rules.ts';
import { formToken } from './session.ts';
import { isTokenLive } from './token.repo.ts';
import { ConfirmPage } from './views/confirm-page.tsx';
import { NoticePage } from './views/notice-page.tsx';
import { SignupPage } from './views/signup-page.tsx';

/** /signup and the email confirmation it leads to. */
export function signupRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** A used or expired confirmation link: signing in sends a fresh one. */
  const expiredLink = (c: Context<AppEnv>) =>
    privatePage(
      c,
      <NoticePage title="accounts.confirm.expired.title" body="accounts.confirm.expired.body" link={{ href: '/login', label: 'accounts.login.title' }} />,
      400,
    );

  app.get('/signup', (c) => {
    if (c.get('account')) return seeOther(c, '/account');
    return privatePage(c, <SignupPage csrf={formToken(c, deps.config)} />);
  });

  app.post('/signup', async (c) => {
    const values = await postedForm(c);
    const form = readForm(signupForm, values);
    if (!form.ok) return privatePage(c, <SignupPage values={values} errors={form.errors} csrf={formToken(c, deps.config)} />, 400);
    const limit = await countAttempt(c, deps, 'signup', form.data.email);
    if (!limit.allowed) return tooManyAttempts(c, limit);
    await signUp(deps, form.data, c.get('i18n').locale);
    return seeOther(c, '/signup/sent');
  });

  app.get('/signup/sent', (c) =>
    privatePage(c, <NoticePage title="accounts.signup.sent.title" body="accounts.signup.sent.body" link={{ href: '/login', label: 'accounts.login.title' }} />),
  );

  app.get('/signup/confirm', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!token || !(await isTokenLive(deps.db, token, 'confirm'))) return expiredLink(c);
    return privatePage(c, <ConfirmPage token={token} csrf={formToken(c, deps.config)} />);
  });

  app.post('/signup/confirm', async (c) => {
    const token = String((await postedForm(c)).token ?? '');
    if (!token || !(await confirmEmail(deps, token))) return expiredLink(c);
    return seeOther(c, '/login?done=confirmed');
  });

  return app;
}
