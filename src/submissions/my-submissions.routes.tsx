import { Hono } from 'hono';
import { requireSignedIn } from '../accounts/access-policy.ts';
import { privatePage } from '../accounts/route-helpers.ts';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { listOwnSubmissions } from './submission.repo.ts';
import { MySubmissionsPage } from './views/my-submissions-page.tsx';

/** Notices /my/submissions shows after an action, named in the query (`?done=sent`). */
const notices: Record<string, string> = { sent: 'submissions.my.done.sent', withdrawn: 'submissions.my.done.withdrawn' };

/** /my/submissions: the signed-in person's drafts and submissions with their state. */
export function mySubmissionsRoutes({ db }: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/my/submissions', async (c) => {
    const { account, redirect } = requireSignedIn(c);
    if (!account) return redirect;
    const items = await listOwnSubmissions(db, account.userId);
    return privatePage(c, <MySubmissionsPage items={items} notice={notices[c.req.query('done') ?? '']} />);
  });
  return app;
}
