import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** A database handle or an open transaction: an enqueue joins the caller's transaction. */
export type Executor = Database | Transaction<DB> | Kysely<DB>;

/** A job as a worker runs it. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** Options of one enqueue. */
export interface EnqueueOptions {
  /** A job with this key is queued once, whatever how often it is asked for again. */
  key?: string;
  /** Not before this time (a digest's period end, a retry). */
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Queues a job in the caller's transaction: it exists exactly when the write that asked for it
 * committed. Returns whether it was new (false when its key was queued before).
 * @example await enqueueJob(trx, 'mail', { to, subject, text, language: 'fr' }, { key: `welcome:${userId}` });
 */
export async function enqueueJob(db: Executor, kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<boolean> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind,
      payload: JSON.stringify(payload),
      key: options.key ?? null,
      ...(options.runAt ? { run_at: options.runAt } : {}),
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Queues many jobs of one kind in one statement (a digest run's mails), skipping keys queued before.
 * @example await enqueueJobs(trx, 'mail', mails.map((m) => ({ payload: m, key: `digest:${m.userId}` })));
 */
export async function enqueueJobs(db: Executor, kind: string, jobs: { payload: unknown; key?: string }[]): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('jobs')
    .values(jobs.map((j) => ({ kind, payload: JSON.stringify(j.payload), key: j.key ?? null })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Claims up to `limit` due jobs for `worker` with a lease of `leaseSeconds`: queued ones whose
 * time has come, and running ones whose lease expired (their instance stopped mid-job). SKIP
 * LOCKED lets several instances claim at once without waiting on each other or sharing a job.
 * @example const jobs = await claimJobs(db, 'host:1234', 10, 300);
 */
export async function claimJobs(db: Database, worker: string, limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
  const { rows } = await sql<{ id: string; kind: string; payload: unknown; attempts: number; max_attempts: number }>`
    UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${worker},
      locked_until = now() + make_interval(secs => ${leaseSeconds})
    WHERE id IN (
      SELECT id FROM jobs
      WHERE (state = 'queued' AND run_at <= now()) OR (state = 'running' AND locked_until < now())
      ORDER BY run_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts, max_attempts`.execute(db);
  return rows.map((r) => ({ id: String(r.id), kind: r.kind, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts }));
}

/**
 * Marks a claimed job done, if this worker still holds it.
 * @example await completeJob(db, job.id, worker);
 */
export async function completeJob(db: Database, id: string, worker: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: 'done', finished_at: new Date(), locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute();
}

/**
 * Gives a failed job back to the queue at `retryAt`, or marks it failed for good when its
 * attempts are spent (kept, with its error, for an operator to see and requeue).
 * @example await failJob(db, job, worker, String(error), new Date(Date.now() + 60_000));
 */
export async function failJob(db: Database, job: ClaimedJob, worker: string, error: string, retryAt: Date): Promise<'retry' | 'failed'> {
  const spent = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      state: spent ? 'failed' : 'queued',
      run_at: retryAt,
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 2000),
      ...(spent ? { finished_at: new Date() } : {}),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', worker)
    .execute();
  return spent ? 'failed' : 'retry';
}

/**
 * Deletes jobs done more than `days` ago: their keys then no longer hold back a new one, which
 * only matters for keys that name a period or an event long past.
 * @example await pruneDoneJobs(db, 14);
 */
export async function pruneDoneJobs(db: Database, days: number): Promise<void> {
  await db.deleteFrom('jobs').where('state', '=', 'done').where('finished_at', '<', sql<Date>`now() - make_interval(days => ${days})`).execute();
}

/** Counts of the queue by state, for operators (`/readyz` details, the CLI). */
export async function jobCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', db.fn.countAll<string>().as('n')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
