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

/** Outcome of one attempt on one key, with the attempts counted in its window so far (this one included). */
export interface CountedRate extends RateResult {
  count: number;
}

/**
 * Counts one attempt for a key in a fixed window kept in the database, so every app instance
 * shares the count. A single upsert makes concurrent attempts count exactly once each.
 * @example const r = await consumeRate(db, 'login:ip:203.0.113.9', { limit: 30, windowSeconds: 900 });
 */
export async function consumeRate(db: Database, key: string, rule: RateRule): Promise<CountedRate> {
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
  return { allowed: row.count <= rule.limit, retryAfterSeconds: Math.max(1, Number(row.retry)), count: row.count };
}

/**
 * Takes back one attempt counted for a key, when it turned out not to be one that should count
 * (a sign-in counted as failed before its password was checked, and the password was right).
 * @example await refundRate(db, `login:ip:${ip}`);
 */
export async function refundRate(db: Database, key: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({ count: sql`greatest(rate_limits.count - 1, 0)` })
    .where('key', '=', key)
    .where('reset_at', '>', sql<Date>`now()`)
    .execute();
}

/**
 * Forgets a key's count: its next attempt opens a new window (a correct password after a few
 * typos starts the account afresh).
 * @example await clearRate(db, `login:email:${email}`);
 */
export async function clearRate(db: Database, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** How answers slow down as failures pile up: none for the first `after`, then doubling from `firstMs` to `maxMs`. */
export interface SlowDown {
  after: number;
  firstMs: number;
  maxMs: number;
}

/**
 * How long to hold an attempt that follows `failures` earlier failures: an attacker's guesses
 * get slower long before they are refused, while a few typos cost nothing.
 * @example slowDownMs(5, { after: 3, firstMs: 500, maxMs: 4000 }) // 1000
 */
export function slowDownMs(failures: number, rule: SlowDown): number {
  if (failures < rule.after) return 0;
  return Math.min(rule.maxMs, rule.firstMs * 2 ** Math.min(failures - rule.after, 30));
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
