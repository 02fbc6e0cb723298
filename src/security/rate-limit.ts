import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** How many attempts a key may make in a window. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/** Outcome of one attempt: allowed or not, and when the window reopens. */
export interface RateResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt for a key in a fixed window kept in the database, so every app instance
 * shares the count. A single upsert makes concurrent attempts count exactly once each.
 * @example const r = await consumeRate(db, 'login:ip:203.0.113.9', { limit: 30, windowSeconds: 900 });
 */
export async function consumeRate(db: Database, key: string, rule: RateRule): Promise<RateResult> {
  const windowEnd = sql<Date>`now() + make_interval(secs => ${rule.windowSeconds})`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, reset_at: windowEnd })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.count + 1 END`,
        reset_at: sql`CASE WHEN rate_limits.reset_at <= now() THEN excluded.reset_at ELSE rate_limits.reset_at END`,
      }),
    )
    .returning(['count', sql<number>`ceil(extract(epoch FROM reset_at - now()))::integer`.as('retry')])
    .executeTakeFirstOrThrow();
  return { allowed: row.count <= rule.limit, retryAfterSeconds: Math.max(1, Number(row.retry)) };
}

/**
 * Counts one attempt against several keys at once (e.g. the account and the address) and
 * returns the strictest outcome.
 * @example await consumeRates(db, [[`login:ip:${ip}`, perIp], [`login:email:${email}`, perAccount]]);
 */
export async function consumeRates(db: Database, checks: [string, RateRule][]): Promise<RateResult> {
  let worst: RateResult = { allowed: true, retryAfterSeconds: 0 };
  for (const [key, rule] of checks) {
    const r = await consumeRate(db, key, rule);
    if (!r.allowed && (worst.allowed || r.retryAfterSeconds > worst.retryAfterSeconds)) worst = r;
  }
  return worst;
}

/** Deletes counters whose window has closed; cheap housekeeping any caller may run. */
export async function pruneRates(db: Database): Promise<void> {
  await db.deleteFrom('rate_limits').where('reset_at', '<', sql<Date>`now()`).execute();
}
