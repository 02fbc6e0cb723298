import { Hono } from 'hono';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { privatePage } from '../http/responses.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { listOwnSubmissions } from './submission.repo.ts';
import { MySubmissionsPage } from './views/my-submissions-page.tsx';

/** Notices /my/submissions shows after an action, named in the query (`?done=sent`). */
const notices: Record<string, string> = { sent: 'submissions.my.done.sent', withdrawn: 'submissions.my.done.withdrawn' };

/** /my/submissions: the signed-in person's drafts and submissions with their state. */
export function mySubmissionsRoutes({ db }: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/my/submissions', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const items = await listOwnSubmissions(db, account.userId);
    return privatePage(c, <MySubmissionsPage items={items} notice={notices[c.req.query('done') ?? '']} />);
  });
  return app;
}
