/**
 * The coordinator's overview of a large call: 2,000 submitted applications, 6,000 submitted
 * reviews (3 per application, from a pool of 60 reviewers), on PostgreSQL. Creates (or
 * recreates) the database `bench_calls`, fills it with SQL, builds the app in process, signs a
 * coordinator in and requests GET /calls/{slug}/review `--runs` times after a warm-up; prints
 * p50/p95/max of the time to the last byte and the page's size. Target: p95 ≤ 100 ms.
 *
 *   npx tsx bench/call-review.ts
 *   npx tsx bench/call-review.ts --admin-url postgres://postgres@127.0.0.1:5432/postgres --runs 100
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createLogger } from '../src/shared/logger.ts';
import { AccountClient } from '../test/support/account-client.ts';

const { values } = parseArgs({
  options: {
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    applications: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '60' },
  },
});
const applications = Number(values.applications);
const perApplication = 3;
const poolSize = 60;
const runs = Number(values.runs);

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: values['admin-url'] });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

await admin('DROP DATABASE IF EXISTS bench_calls WITH (FORCE)');
await admin('CREATE DATABASE bench_calls');
const url = new URL(values['admin-url'] as string);
url.pathname = '/bench_calls';
const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
await migrateToLatest(db);

const started = performance.now();
const password = 'a long river of words';
const email = 'bench-coordinator@example.org';
await createUserWithRole(db, { email, role: 'coordinator', name: 'Bench Coordinator', password });
const anchors = { '1': 'None', '2': 'Little', '3': 'Some', '4': 'Good', '5': 'Excellent' };
const rubric = ['reach', 'partners', 'venue', 'sustainability', 'diversity'].map((key, i) => ({ key, title: key, description: '', weight: i + 1, anchors }));
await sql`
  INSERT INTO users (email, name, password_hash)
  SELECT 'bench-user-' || g || '@example.org', 'Bench user ' || g, '!' FROM generate_series(1, ${applications + poolSize}) g`.execute(db);
await sql`
  INSERT INTO calls (slug, title, opens_at, closes_at, time_zone, rubric, reviewers_per_application, state)
  VALUES ('bench-call', 'Bench call', now() - interval '30 days', now() - interval '1 day', 'Europe/Paris', ${JSON.stringify(rubric)}::jsonb, ${perApplication}, 'published')`.execute(
  db,
);
await sql`
  INSERT INTO applications (call_id, applicant_id, name, city, country, answers, state, submitted_at)
  SELECT c.id, u.id, 'Application ' || u.id, 'Lyon', 'FR', '{"plan": "A plan"}'::jsonb, 'submitted', now() - interval '2 days'
  FROM calls c, users u WHERE c.slug = 'bench-call' AND u.email LIKE 'bench-user-%' AND u.id <= (SELECT min(id) FROM users WHERE email LIKE 'bench-user-%') + ${applications - 1}`.execute(
  db,
);
await sql`
  INSERT INTO call_reviewers (call_id, user_id)
  SELECT c.id, u.id FROM calls c, (SELECT id FROM users WHERE email LIKE 'bench-user-%' ORDER BY id DESC LIMIT ${poolSize}) u WHERE c.slug = 'bench-call'`.execute(
  db,
);
// Each application gets reviewers k, k+1, k+2 (mod the pool) of the pool, in order.
await sql`
  WITH pool AS (SELECT user_id, row_number() OVER (ORDER BY user_id) - 1 AS n FROM call_reviewers),
       apps AS (SELECT id, call_id, row_number() OVER (ORDER BY id) - 1 AS n FROM applications)
  INSERT INTO review_assignments (call_id, application_id, reviewer_id, conflict, declared_at)
  SELECT a.call_id, a.id, p.user_id, false, now() FROM apps a CROSS JOIN generate_series(0, ${perApplication - 1}) k
  JOIN pool p ON p.n = (a.n + k) % ${poolSize}`.execute(db);
await sql`
  INSERT INTO reviews (application_id, reviewer_id, call_id, scores, score_values, state, submitted_at)
  SELECT ra.application_id, ra.reviewer_id, ra.call_id,
    jsonb_object_agg(c.key, jsonb_build_object('score', 1 + (ra.application_id + ra.reviewer_id + c.n) % 5, 'comment', 'A comment on ' || c.key || ': ' || repeat('words of the review ', 20))),
    jsonb_object_agg(c.key, 1 + (ra.application_id + ra.reviewer_id + c.n) % 5),
    'submitted', now()
  FROM review_assignments ra CROSS JOIN (SELECT key, row_number() OVER () AS n FROM jsonb_to_recordset(${JSON.stringify(rubric)}::jsonb) AS x(key text)) c
  GROUP BY ra.application_id, ra.reviewer_id, ra.call_id`.execute(db);
await sql`ANALYZE`.execute(db);
const counts = await sql<{ a: string; r: string }>`SELECT (SELECT count(*) FROM applications) AS a, (SELECT count(*) FROM reviews) AS r`.execute(db);
console.log(`filled in ${Math.round(performance.now() - started)} ms: ${counts.rows[0].a} applications, ${counts.rows[0].r} reviews`);

const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', TRUST_PROXY: 'true', DATABASE_URL: url.toString() });
const app = createApp({ db, config, log: createLogger('silent') });
const browser = new AccountClient(app, { 'x-forwarded-for': '198.18.0.1' });
const login = await browser.submit('/login', '/login', { email, password });
if (login.status !== 303) throw new Error(`the coordinator could not sign in: ${login.status}`);

const times: number[] = [];
let bytes = 0;
for (let i = 0; i < runs + 5; i++) {
  const t0 = performance.now();
  const res = await browser.request('/calls/bench-call/review');
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`overview answered ${res.status}`);
  bytes = body.byteLength;
  if (i >= 5) times.push(ms);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
console.log(
  `GET /calls/{slug}/review, ${applications} applications, ${runs} runs: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms, ${Math.round(bytes / 1024)} KB`,
);
await db.destroy();
