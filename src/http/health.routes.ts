import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import { retryAfterSeconds } from './error-handler.tsx';

/** A health check answers within this, database or not: a load balancer's probe has its own timeout. */
const databaseCheckMs = 3_000;

/** Whether the database answers a trivial query in time. */
async function databaseAnswers(db: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), databaseCheckMs);
  });
  const answered = sql`SELECT 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz` (liveness): 200 when the process is up and the database answers, 503 otherwise.
 * `/readyz` (readiness): 200 once the server is warm — migrations, demo data and the search
 * index done — and the database answers; 503 with Retry-After before, for a load balancer that
 * should send traffic only to a warm instance.
 */
export function healthRoutes({ db, readiness }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    c.header('cache-control', 'no-store');
    if (await databaseAnswers(db)) return c.json({ status: 'ok' });
    c.header('retry-after', String(retryAfterSeconds));
    return c.json({ status: 'unavailable', database: 'not answering' }, 503);
  });
  app.get('/readyz', async (c) => {
    c.header('cache-control', 'no-store');
    const phase = readiness?.phase ?? 'ready';
    if (phase === 'ready' && (await databaseAnswers(db))) return c.json({ status: 'ready' });
    c.header('retry-after', String(retryAfterSeconds));
    if (phase !== 'ready') return c.json({ status: phase === 'starting' ? 'starting' : 'warming up' }, 503);
    return c.json({ status: 'unavailable', database: 'not answering' }, 503);
  });
  return app;
}
