/**
 * The self-assessment's comparison pages at scale, as a visitor meets them: `/benchmark` (with
 * and without filters, and as CSV) and a city's score page (peers and recommended practices
 * included), each a first view right after a write (a publication empties every page kept):
 * once after a write to a city (as any catalogue write), once after a write to a city's
 * self-assessment (which also empties the comparisons kept per assessments version).
 * Loads `--snapshots` published public snapshots over `--cities` cities of the database (answers
 * drawn at random, scores kept as when published; earlier benchmark snapshots are replaced),
 * starts the app as `npm start` does, and reports the server time (`server-timing`).
 *
 *   npx tsx bench/city-assessments.ts --database-url postgres://postgres@127.0.0.1:5432/bench_100k
 *   npx tsx bench/city-assessments.ts --database-url … --cities 1000 --snapshots 2000 --each 40 --gap 0
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { framework } from '../src/framework/framework.ts';
import { type Answer, scoreAssessment } from '../src/framework/scoring.ts';
import { codeVersion } from './code-version.ts';
import { get, serverTiming, startApp, stopApp, waitReady } from './support/app-process.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    cities: { type: 'string', default: '1000' },
    snapshots: { type: 'string', default: '2000' },
    each: { type: 'string', default: '40' },
    port: { type: 'string', default: '3952' },
    gap: { type: 'string', default: '20' },
  },
});
const url = values['database-url'];
if (!url) throw new Error('--database-url is required (a database loaded by bench/import.ts)');
const cityCount = Number(values.cities);
const snapshotCount = Number(values.snapshots);
const each = Number(values.each);
/** Milliseconds between a write and the view after it: the notification's delay (0: the view races the write's aftermath). */
const gap = Number(values.gap);

/** A deterministic pseudo-random stream, so runs load the same answers. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Replaces the benchmark's snapshots: `snapshotCount` over the first `cityCount` cities with a population, spread over two years. */
async function loadSnapshots(db: Database): Promise<{ country: string; slug: string }[]> {
  const cities = (await sql<{ country: string; slug: string }>`SELECT country, slug FROM cities ORDER BY md5(country || slug) LIMIT ${cityCount}`.execute(db))
    .rows;
  // Populations for the size bands, where the corpus has none.
  await sql`UPDATE cities SET population = 50000 + (abs(hashtext(slug)) % 3000000) WHERE population IS NULL`.execute(db);
  await sql`DELETE FROM city_assessments`.execute(db);
  const next = random(7);
  const questions = framework.dimensions.flatMap((d) => d.questions);
  for (let i = 0; i < snapshotCount; i += 100) {
    await db.transaction().execute(async (trx) => {
      for (let k = i; k < Math.min(snapshotCount, i + 100); k++) {
        const city = cities[k % cities.length];
        const bias = next();
        const answers: Record<string, Answer> = {};
        for (const q of questions) {
          const x = next();
          if (x < 0.05) answers[q.code] = { unanswered: 'dont-know' };
          else if (x < 0.9) answers[q.code] = { option: q.options[Math.min(2, Math.floor((next() + bias) * 1.5))].value };
        }
        const { id } = await trx
          .insertInto('city_assessments')
          .values({
            country: city.country,
            slug: city.slug,
            framework_version: framework.version,
            state: 'published',
            visibility: next() < 0.1 ? 'private' : 'public',
            published_at: new Date(Date.UTC(2025, 0, 1) + k * 3_600_000),
            scores: JSON.stringify(scoreAssessment(framework, answers)),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('city_assessment_answers')
          .values(
            Object.entries(answers).map(([question, a]) => ({
              assessment_id: String(id),
              question,
              option: 'option' in a ? a.option : null,
              unanswered: 'unanswered' in a ? a.unanswered : null,
            })),
          )
          .execute();
      }
    });
  }
  // Earlier runs leave the rows they replaced behind: cleared, so every run starts alike.
  await sql`VACUUM ANALYZE city_assessments, city_assessment_answers, cities`.execute(db);
  return cities;
}

const db = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
await migrateToLatest(db);
const started = performance.now();
const cities = await loadSnapshots(db);
console.log(`Loaded ${snapshotCount} snapshots over ${cities.length} cities in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const app = startApp(Number(values.port), { DATABASE_URL: url });
try {
  const ready = await waitReady(app, '/readyz', 900);
  console.log(
    `City self-assessment pages, first view ${gap} ms after a write, code ${codeVersion()}, ${os.cpus().length} cores, PostgreSQL; ready after ${(ready / 1000).toFixed(0)} s`,
  );
  const regions = ['150', '019', '142', '002', '009'];
  const bands = ['under-100k', '100k-500k', '500k-2m', 'over-2m'];
  const dims = framework.dimensions.map((d) => d.code);
  const urls: Record<string, string[]> = {
    benchmark: Array.from({ length: each }, (_, i) =>
      i === 0
        ? '/benchmark'
        : `/benchmark?region=${regions[i % regions.length]}&band=${bands[i % bands.length]}&dimension=${dims[i % dims.length]}&sort=${i % 3 ? 'score' : 'city'}`,
    ),
    'benchmark.csv': Array.from({ length: each }, (_, i) => `/benchmark.csv?dimension=${dims[i % dims.length]}`),
    'score page': cities.slice(0, each).map((c) => `/cities/${c.country.toLowerCase()}/${encodeURIComponent(c.slug)}/assessment`),
  };
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  console.log('page          after a write to   n   server p50   server p95    max');
  let writes = 0;
  // Two kinds of write before every view: a city's row (any catalogue change is like it: it moves
  // the site version, so no page is kept), and a city's self-assessment (it also moves the
  // assessments' version, so every city's latest snapshot is read again).
  const write = {
    'a city': () =>
      sql`UPDATE cities SET lat = lat WHERE country = ${cities[writes % cities.length].country} AND slug = ${cities[writes++ % cities.length].slug}`,
    'an assessment': () => sql`UPDATE city_assessments SET updated_at = now() WHERE id = (SELECT min(id) + ${writes++ % 100} FROM city_assessments)`,
  };
  for (const [kind, list] of Object.entries(urls)) {
    for (const [what, statement] of Object.entries(write)) {
      const server: number[] = [];
      for (const u of list) {
        await statement().execute(db);
        if (gap > 0) await new Promise((r) => setTimeout(r, gap));
        const res = await get(`${app.base}${u}`, { 'accept-encoding': 'br' });
        if (res.status !== 200) {
          console.log(`  ${u} answered ${res.status}`);
          continue;
        }
        server.push(serverTiming(res.headers as Record<string, string>));
      }
      const f = (x: number) => x.toFixed(1).padStart(8);
      console.log(
        `${kind.padEnd(13)} ${what.padEnd(16)} ${String(server.length).padStart(3)} ${f(pct(server, 50))} ms ${f(pct(server, 95))} ms ${f(Math.max(...server))}`,
      );
    }
  }
} finally {
  await db.destroy();
  await stopApp(app.child);
}
