import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { role } from '../security/guards.ts';
import { loadOverview } from './call-review.data.ts';
import { coordinatorRoles } from './call-review.policy.ts';
import { reviewCsv, reviewZip } from './review-exports.ts';

/** The coordinator's exports of a call: GET /calls/{slug}/review/export.csv (scores) and …/export.zip (answers and files). */
export function exportRoutes({ db }: Pick<AppDeps, 'db'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const download = (body: string | Uint8Array, type: string, name: string) =>
    new Response(body as BodyInit, {
      headers: {
        'content-type': type,
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });

  app.get('/calls/:slug/review/export.csv', role(...coordinatorRoles), async (c) => {
    const data = await loadOverview(db, c.req.param('slug'));
    return download(reviewCsv(data), 'text/csv; charset=utf-8', `${data.call.slug}-scores.csv`);
  });

  app.get('/calls/:slug/review/export.zip', role(...coordinatorRoles), async (c) => {
    const data = await loadOverview(db, c.req.param('slug'));
    return download(await reviewZip(db, data.call.id), 'application/zip', `${data.call.slug}-applications.zip`);
  });

  return app;
}
