import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { claimJobs, enqueueJob } from '../src/jobs/job.repo.ts';
import { runQueuedJobs } from '../src/jobs/job-worker.ts';
import { queueMail } from '../src/mail/mail-queue.ts';
import { createLogger } from '../src/shared/logger.ts';
import { startMailCatcher } from './support/mail-catcher.ts';
import { freePort, type RunningServer, startServer } from './support/server-process.ts';
import { createPostgresDatabase, createTestDatabase, testEngines } from './support/test-db.ts';

describe.each(testEngines())('the job queue on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof startMailCatcher>>;
  const log = createLogger('silent');
  const config = (smtpUrl: string) => loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', SMTP_URL: smtpUrl });

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(engine));
    smtp = await startMailCatcher();
    createApp({ db, config: config(smtp.url), log }); // the areas declare their kinds of job when the app is built
  });
  afterAll(async () => {
    await smtp.close();
    await drop();
  });

  const job = (key: string) => db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirstOrThrow();

  it('keeps a mail the SMTP server refused and sends it once when the server answers again', async () => {
    const deadPort = await freePort();
    await queueMail(db, { to: 'ana@example.org', subject: 'Kept through an outage', text: 'Hello', language: 'en' }, { key: 'outage-1' });
    const down = await runQueuedJobs({ db, config: config(`smtp://127.0.0.1:${deadPort}`), log });
    expect(down).toMatchObject({ done: 0, retried: 1 });
    const waiting = await job('outage-1');
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    expect(waiting.last_error).toMatch(/ECONNREFUSED|connect/);
    // Retried later, not at once: nothing is due now.
    expect(waiting.run_at.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await runQueuedJobs({ db, config: config(smtp.url), log })).done).toBe(0);

    await db.updateTable('jobs').set({ run_at: new Date() }).where('key', '=', 'outage-1').execute();
    expect((await runQueuedJobs({ db, config: config(smtp.url), log })).done).toBe(1);
    expect(smtp.mails.filter((m) => m.subject === 'Kept through an outage')).toHaveLength(1);
    expect(await job('outage-1')).toMatchObject({ state: 'done', attempts: 2, last_error: null });
    expect((await runQueuedJobs({ db, config: config(smtp.url), log })).done).toBe(0);
  });

  it('queues a keyed job once, gives up after its attempts and keeps it failed with its error', async () => {
    expect(await enqueueJob(db, 'no-such-kind', {}, { key: 'doomed', maxAttempts: 2 })).toBe(true);
    expect(await enqueueJob(db, 'no-such-kind', {}, { key: 'doomed', maxAttempts: 2 })).toBe(false);
    await runQueuedJobs({ db, config: config(smtp.url), log });
    await db.updateTable('jobs').set({ run_at: new Date() }).where('key', '=', 'doomed').execute();
    const run = await runQueuedJobs({ db, config: config(smtp.url), log });
    expect(run.failed).toBe(1);
    expect(await job('doomed')).toMatchObject({ state: 'failed', attempts: 2, last_error: 'no handler for jobs of kind "no-such-kind"' });
  });

  it('runs again the job of an instance that stopped mid-way once its lease ends, and only then', async () => {
    await queueMail(db, { to: 'lost@example.org', subject: 'Claimed by a lost instance', text: 'Hello', language: 'en' }, { key: 'lease-1' });
    const [claimed] = await claimJobs(db, 'lost-instance:1', 1, 300);
    expect(claimed.kind).toBe('mail');
    // Leased: another instance leaves it alone.
    expect((await runQueuedJobs({ db, config: config(smtp.url), log }, 'other:2')).done).toBe(0);
    await db
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('key', '=', 'lease-1')
      .execute();
    expect((await runQueuedJobs({ db, config: config(smtp.url), log }, 'other:2')).done).toBe(1);
    expect(smtp.mails.filter((m) => m.subject === 'Claimed by a lost instance')).toHaveLength(1);
    // The lost instance coming back cannot mark a job it no longer holds.
    expect(await job('lease-1')).toMatchObject({ state: 'done', locked_by: null });
  });
});

describe.runIf(testEngines().includes('postgres'))('two app instances on one PostgreSQL', () => {
  let url: string;
  let dropDb: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof startMailCatcher>>;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    ({ url, drop: dropDb } = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string, 'ch_jobs'));
    const db = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    await migrateToLatest(db);
    await db.destroy();
    smtp = await startMailCatcher();
    for (let i = 0; i < 2; i++) servers.push(await startServer({ databaseUrl: url, env: { SMTP_URL: smtp.url, SEED_DEMO: 'false' } }));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await smtp?.close();
    await dropDb?.();
  });

  it('sends each queued mail exactly once, whichever instance takes it', async () => {
    const db = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    try {
      for (let i = 0; i < 60; i++) await queueMail(db, { to: `p${i}@example.org`, subject: `Shared queue ${i}`, text: 'Hello', language: 'en' });
      const deadline = Date.now() + 60_000;
      while (smtp.mails.filter((m) => m.subject.startsWith('Shared queue')).length < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      // A moment more, in which a duplicate would arrive.
      await new Promise((r) => setTimeout(r, 1500));
      const subjects = smtp.mails.filter((m) => m.subject.startsWith('Shared queue')).map((m) => m.subject);
      expect(subjects).toHaveLength(60);
      expect(new Set(subjects).size).toBe(60);
      const states = await db.selectFrom('jobs').select(['state']).where('kind', '=', 'mail').execute();
      expect(states.every((s) => s.state === 'done')).toBe(true);
    } finally {
      await db.destroy();
    }
  }, 90_000);
});
