import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { clientAddress } from '../security/client-address.ts';
import { tooManyAttempts } from '../security/refusals.tsx';
import { carriedThroughSignIn } from '../submissions/form-carry.ts';
import { ResumeFormPage, SessionEndedPage } from '../submissions/views/session-pages.tsx';
import type { AccountsDeps } from './accounts-deps.ts';
import { loginForm, readForm } from './account.schema.ts';
import { logIn } from './account.service.ts';
import { countAttempt } from './rate-rules.ts';
import { privatePage, postedForm, safeNext, seeOther } from './route-helpers.ts';
import { endSession, formToken, startSession } from './session.ts';
import { LoginPage } from './views/login-page.tsx';

/** Messages /login may show on arrival, named in the query (`?done=reset`). */
const notices: Record<string, string> = {
  confirmed: 'accounts.notice.confirmed',
  reset: 'accounts.notice.reset',
  logged_out: 'accounts.notice.logged_out',
};

/** Why a sign-in failed, as the message under the form. */
const failures = { wrong: 'accounts.login.wrong', unconfirmed: 'accounts.login.unconfirmed', disabled: 'accounts.login.disabled' } as const;

/** /login and /logout. */
export function loginRoutes(deps: AccountsDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/login', (c) => {
    if (c.get('account')) return seeOther(c, '/account');
    const notice = notices[c.req.query('done') ?? ''];
    return privatePage(c, <LoginPage csrf={formToken(c, deps.config)} notice={notice} next={c.req.query('next')} />);
  });

  app.post('/login', async (c) => {
    const values = await postedForm(c);
    const csrf = () => formToken(c, deps.config);
    // A long form posted after its session ended comes back through here with its fields (see csrfRefused).
    const carried = carriedThroughSignIn(values);
    const refused = (errors: Record<string, string>) =>
      carried
        ? privatePage(c, <SessionEndedPage fields={carried.fields} next={carried.next} csrf={csrf()} values={values} errors={errors} />, 400)
        : privatePage(c, <LoginPage values={values} errors={errors} csrf={csrf()} next={values.next as string} />, 400);
    const form = readForm(loginForm, values);
    if (!form.ok) return refused(form.errors);
    const limit = await countAttempt(c, deps, 'login', form.data.email);
    if (!limit.allowed) return tooManyAttempts(c, limit);
    const result = await logIn(deps, form.data.email, form.data.password);
    const ip = clientAddress(c, deps.config.TRUST_PROXY);
    if (result.kind !== 'ok') {
      await recordAudit(deps.db, { action: 'login_failed', target: form.data.email, ip, details: { email: form.data.email, reason: result.kind } });
      return refused({ form: failures[result.kind] });
    }
    const sessionToken = await startSession(c, deps.db, deps.config, result.user.id);
    await recordAudit(deps.db, { action: 'login', actorUserId: result.user.id, target: result.user.email, ip });
    if (carried) return privatePage(c, <ResumeFormPage fields={carried.fields} next={carried.next} csrf={sessionToken} reason="signed_in" />);
    return seeOther(c, safeNext(form.data.next));
  });

  app.post('/logout', async (c) => {
    const account = c.get('account');
    if (account) await recordAudit(deps.db, { action: 'logout', actorUserId: account.userId, target: account.email, ip: clientAddress(c, deps.config.TRUST_PROXY) });
    await endSession(c, deps.db);
    return seeOther(c, '/login?done=logged_out');
  });

  return app;
}
