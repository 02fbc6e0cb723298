import { Hono } from 'hono';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { membershipsOfUser } from '../organizations/membership.repo.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { passwordProblem } from '../security/password-policy.ts';
import { passwordChangeForm, profileForm, readForm } from './account.schema.ts';
import { changePassword } from './account.service.ts';
import { findUserById, updateProfile } from './user.repo.ts';
import { AccountPage, type ProfileValues, profileValuesOf } from './views/account-page.tsx';

const notices: Record<string, string> = { profile: 'accounts.notice.profile_saved', password: 'accounts.notice.password_changed' };

/** /account: the profile and password of the signed-in person. */
export function profileRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // A live session names an active user, so a missing row is a race with its deletion: an unexpected error (500).
  const noUser = () => new Error('the signed-in account has no user row');

  app.get('/account', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const user = await findUserById(deps.db, account.userId);
    if (!user) throw noUser();
    const notice = notices[c.req.query('done') ?? ''];
    const organizations = await membershipsOfUser(deps.db, user.id);
    return privatePage(c, <AccountPage user={user} values={profileValuesOf(user)} csrf={account.csrfToken} notice={notice} organizations={organizations} />);
  });

  app.post('/account', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const user = await findUserById(deps.db, account.userId);
    if (!user) throw noUser();
    const values = await postedForm(c);
    const form = readForm(profileForm, {
      ...values,
      languages: values.languages ?? '',
      country: values.country ?? '',
      organization: values.organization ?? '',
      city: values.city ?? '',
      job_title: values.job_title ?? '',
      bio: values.bio ?? '',
    });
    if (!form.ok) {
      const typed: ProfileValues = {
        ...profileValuesOf(user),
        ...(values as Record<string, string>),
        expertise: [values.expertise ?? []].flat(),
        profile_public: values.profile_public === 'on',
      };
      return privatePage(c, <AccountPage user={user} values={typed} errors={form.errors} csrf={account.csrfToken} />, 400);
    }
    await updateProfile(deps.db, user.id, form.data);
    return seeOther(c, '/account?done=profile');
  });

  app.post('/account/password', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const user = await findUserById(deps.db, account.userId);
    if (!user) throw noUser();
    const form = readForm(passwordChangeForm, await postedForm(c));
    let errors = form.ok ? undefined : form.errors;
    if (form.ok) {
      const problem = passwordProblem(form.data.password, user.email);
      if (problem) errors = { password: `accounts.password.${problem}` };
      else if (!(await changePassword(deps, user.id, account.sessionId, form.data.current, form.data.password)))
        errors = { current: 'accounts.password.current_wrong' };
    }
    if (errors) return privatePage(c, <AccountPage user={user} values={profileValuesOf(user)} passwordErrors={errors} csrf={account.csrfToken} />, 400);
    return seeOther(c, '/account?done=password');
  });

  return app;
}
