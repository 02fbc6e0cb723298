import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { privatePage } from '../http/responses.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { editorRoles } from '../security/roles.ts';
import { listQueue, queuePageSize } from '../submissions/submission.repo.ts';
import { queueQuery } from './review-queue.schema.ts';
import { ReviewQueuePage } from './views/review-queue-page.tsx';

/** GET /review: the editors' queue (editors and admins; members get 403, visitors are sent to sign in). */
export function reviewQueueRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/review', role(...editorRoles), async (c) => {
    const account = signedInAccount(c);
    const filters = queueQuery.parse(c.req.query());
    const { items, total } = await listQueue(
      db,
      { states: [filters.state], theme: filters.theme, language: filters.language, olderThanDays: filters.age, assignee: filters.assignee, page: filters.page },
      account.userId,
    );
    return privatePage(c, <ReviewQueuePage items={items} total={total} pageSize={queuePageSize} filters={filters} now={new Date()} />);
  });

  return app;
}
