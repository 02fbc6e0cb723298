import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps, AppEnv } from './app-env.ts';

/** /healthz: 200 when the database answers, 503 otherwise; for load balancers and monitors. */
export function healthRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    c.header('cache-control', 'no-store');
    try {
      await sql`SELECT 1`.execute(db);
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable', database: 'not answering' }, 503);
    }
  });
  return app;
}
