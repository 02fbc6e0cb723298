import { Hono } from 'hono';
import { recordAudit } from '../audit/audit.repo.ts';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import type { FormCarry } from '../security/form-carry.ts';
import { localPath, safeNext } from '../security/local-path.ts';
import { tooManyAttempts } from '../security/refusals.tsx';
import { ResumeFormPage, SessionEndedPage } from '../security/views/session-pages.tsx';
import { loginForm, readForm } from './account.schema.ts';
import { logIn } from './account.service.ts';
import { rememberDevice } from './known-device.ts';
import { endSession, formToken, startSession } from './session.ts';
import { startSignIn } from './sign-in-limits.ts';
import { LoginPage } from './views/login-page.tsx';

/** Messages /login may show on arrival, named in the query (`?done=reset`). */
const notices: Record<string, string> = {
  confirmed: 'accounts.notice.confirmed',
  reset: 'accounts.notice.reset',
  logged_out: 'accounts.notice.logged_out',
};

/** Why a sign-in failed, as the message under the form. */
const failures = { wrong: 'accounts.login.wrong', unconfirmed: 'accounts.login.unconfirmed', disabled: 'accounts.login.disabled' } as const;

/** Carried input goes back only to a path of this site (the carried forms' own paths are such paths). */
const onlyLocal = <T extends { next: string }>(carried: T | undefined) => (carried && localPath(carried.next) === carried.next ? carried : undefined);

/** /login and /logout; `carry` brings back the input of a long form refused after its session ended. */
export function loginRoutes(deps: ContributionDeps, carry: FormCarry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/login', (c) => {
    if (c.get('account')) return seeOther(c, '/account');
    const notice = notices[c.req.query('done') ?? ''];
    return privatePage(c, <LoginPage csrf={formToken(c, deps.config)} notice={notice} next={localPath(c.req.query('next'))} />);
  });

  app.post('/login', async (c) => {
    const values = await postedForm(c);
    const csrf = () => formToken(c, deps.config);
    // A long form posted after its session ended comes back through here with its fields (see csrfRefusal).
    const carried = onlyLocal(carry.carriedThroughSignIn(values));
    const refused = (errors: Record<string, string>) =>
      carried
        ? privatePage(c, <SessionEndedPage fields={carried.fields} next={carried.next} csrf={csrf()} values={values} errors={errors} />, 400)
        : privatePage(c, <LoginPage values={values} errors={errors} csrf={csrf()} next={localPath(values.next)} />, 400);
    const form = readForm(loginForm, values);
    if (!form.ok) return refused(form.errors);
    const attempt = await startSignIn(c, deps, form.data.email);
    if (attempt.refused) return tooManyAttempts(c, attempt.refused);
    const result = await logIn(deps, form.data.email, form.data.password);
    await attempt.settle(result.kind);
    const ip = clientAddress(c, deps.config.TRUST_PROXY);
    if (result.kind !== 'ok') {
      await recordAudit(deps.db, { action: 'login_failed', target: form.data.email, ip, details: { email: form.data.email, reason: result.kind } });
      return refused({ form: failures[result.kind] });
    }
    await rememberDevice(c, deps.db, deps.config, result.user.email);
    const sessionToken = await startSession(c, deps.db, deps.config, result.user.id);
    await recordAudit(deps.db, { action: 'login', actorUserId: result.user.id, target: result.user.email, ip });
    if (carried) return privatePage(c, <ResumeFormPage fields={carried.fields} next={carried.next} csrf={sessionToken} reason="signed_in" />);
    return seeOther(c, safeNext(form.data.next));
  });

  app.post('/logout', async (c) => {
    const account = c.get('account');
    if (account)
      await recordAudit(deps.db, { action: 'logout', actorUserId: account.userId, target: account.email, ip: clientAddress(c, deps.config.TRUST_PROXY) });
    await endSession(c, deps.db);
    return seeOther(c, '/login?done=logged_out');
  });

  return app;
}
