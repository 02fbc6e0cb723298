import { Hono } from 'hono';
import { z } from 'zod';
import { endSession } from '../accounts/session.ts';
import { findUserById } from '../accounts/user.repo.ts';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { verifyPassword } from '../security/password-hash.ts';
import { firstValue } from '../shared/form-values.ts';
import { forgetPerson } from './forget-person.command.ts';
import { personalData } from './personal-data.ts';
import { AccountDeletedPage, PrivacyPage } from './views/privacy-page.tsx';

const deleteForm = z.object({
  password: z.string().min(1, 'privacy.delete.password_required').max(1000),
  confirm: z.literal('yes', 'privacy.delete.confirm_required'),
});

/**
 * A person's rights over their data: /account/privacy (what is kept, download, delete),
 * GET /account/data.json (everything kept about them, as JSON), POST /account/delete (erase the
 * account, password asked again) and the page that follows it.
 */
export function privacyRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const { db, config } = deps;
  const app = new Hono<AppEnv>();

  app.get('/account/privacy', signedIn(), (c) => privatePage(c, <PrivacyPage csrf={signedInAccount(c).csrfToken} />));

  app.get('/account/data.json', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const data = await personalData(db, account.userId, new Date());
    c.header('content-disposition', 'attachment; filename="clearinghouse-my-data.json"');
    c.header('cache-control', 'private, no-store');
    return c.json(data);
  });

  app.post('/account/delete', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const values = await postedForm(c);
    const form = deleteForm.safeParse({ password: firstValue(values.password) ?? '', confirm: firstValue(values.confirm) });
    const errors: Record<string, string> = {};
    if (!form.success) for (const issue of form.error.issues) errors[String(issue.path[0])] ??= issue.message;
    const user = await findUserById(db, account.userId);
    if (form.success && !(user && (await verifyPassword(user.password_hash, form.data.password)))) errors.password = 'privacy.delete.password_wrong';
    if (Object.keys(errors).length)
      return privatePage(c, <PrivacyPage csrf={account.csrfToken} errors={errors} confirmed={firstValue(values.confirm) === 'yes'} />, 400);
    await forgetPerson(db, account.userId, clientAddress(c, config.TRUST_PROXY), config.publicUrl);
    await endSession(c, db);
    return seeOther(c, '/account/deleted');
  });

  app.get('/account/deleted', (c) => renderPage(c, <AccountDeletedPage />));

  return app;
}
