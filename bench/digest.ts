/**
 * Digests at scale on PostgreSQL: `--people` people (10,000) follow the housing theme weekly (a
 * tenth also a city), `--activities` practices of that theme are published; then one weekly
 * digest run: the run that gathers each person's items and queues one mail each, and the mails
 * sent through a real SMTP server (smtp-server, in this process) by the app's job worker. Also
 * the fan-out of one activity to every follower at once (notifications and mail jobs written).
 * Builds a fresh database `bench_digest` on the server of `--admin-url`.
 *
 *   npx tsx bench/digest.ts
 *   npx tsx bench/digest.ts --people 10000 --activities 20 --admin-url postgres://postgres@127.0.0.1:5432/postgres
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { recordActivity } from '../src/follows/activity.repo.ts';
import { runDigest } from '../src/follows/follow-jobs.ts';
import { runQueuedJobs } from '../src/jobs/job-worker.ts';
import { createLogger } from '../src/shared/logger.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    activities: { type: 'string', default: '20' },
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const people = Number(values.people);
const activities = Number(values.activities);
const adminUrl = values['admin-url'] as string;
const dbName = 'bench_digest';

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
await migrateToLatest(db);

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const port = (smtp.server.address() as { port: number }).port;
const config = loadConfig({
  PUBLIC_URL: 'https://clearinghouse.example.org',
  LOG_LEVEL: 'silent',
  SMTP_URL: `smtp://127.0.0.1:${port}`,
  DATABASE_URL: url.toString(),
});
const deps = { db, config, log: createLogger('silent') };
createApp(deps); // declares the kinds of job

const locales = ['en', 'fr', 'es', 'ar', 'ru', 'zh'];
await sql`
  INSERT INTO users (email, name, password_hash, locale, email_confirmed_at)
  SELECT 'person' || i || '@example.org', 'Person ' || i, 'not-a-hash', (${locales}::text[])[1 + i % 6], now()
  FROM generate_series(1, ${people}) AS i`.execute(db);
await sql`INSERT INTO follows (user_id, kind, target, frequency) SELECT id, 'theme', 'housing', 'weekly' FROM users`.execute(db);
await sql`INSERT INTO follows (user_id, kind, target, frequency, label) SELECT id, 'city', 'fr/lyon', 'weekly', 'Lyon' FROM users WHERE id % 10 = 0`.execute(
  db,
);
await sql`ANALYZE`.execute(db);

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const out = await work();
  return [out, performance.now() - t];
};

// The week's activities, each fanned out to the 10,000 followers (weekly: notifications only).
const [, fanOutMs] = await time(async () => {
  for (let i = 0; i < activities; i++)
    await recordActivity(db, {
      kind: 'practice_published',
      title: `Housing practice ${i}`,
      path: `/practices/housing-${i}`,
      themes: ['housing'],
      city: 'fr/lyon',
    });
  await runQueuedJobs(deps);
});
const notifications = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM notifications`.execute(db)).rows[0].n);

const [queued, gatherMs] = await time(() => runDigest(deps, 'weekly', '2026-11-30'));
const [, sendMs] = await time(() => runQueuedJobs(deps));

// One activity to everybody at once: switch every follow to immediate and fan out one more.
await sql`UPDATE follows SET frequency = 'immediate'`.execute(db);
const receivedBefore = received;
const [, immediateMs] = await time(async () => {
  await recordActivity(db, { kind: 'practice_published', title: 'Housing practice told at once', path: '/practices/housing-now', themes: ['housing'] });
  await runQueuedJobs(deps);
});

const cpus = os.cpus();
console.log(`machine: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; PostgreSQL at ${url.host}`);
console.log(`people: ${people}, activities this week: ${activities}, notifications written: ${notifications}`);
console.log(`fan-out of ${activities} activities to ${people} weekly followers: ${(fanOutMs / 1000).toFixed(1)} s`);
console.log(
  `weekly digest: gathered and queued ${queued} mails in ${(gatherMs / 1000).toFixed(1)} s, sent them in ${(sendMs / 1000).toFixed(1)} s; total ${((gatherMs + sendMs) / 1000).toFixed(1)} s`,
);
console.log(
  `one activity to ${people} immediate followers, fanned out and every mail sent: ${(immediateMs / 1000).toFixed(1)} s (${received - receivedBefore} mails)`,
);
console.log(`mails received by the SMTP server: ${received}`);

await db.destroy();
await new Promise<void>((resolve) => smtp.close(() => resolve()));
