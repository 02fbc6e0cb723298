/**
 * First-time and repeated searches, in process, on a database loaded by bench/import.ts: what a
 * person feels, since most searches are new and every write empties the caches. For each of at
 * least 200 distinct queries (the judged relevance queries — questions, long ones, nine
 * languages — and the load mix's broad words, phrases and filters), the search service runs once
 * on a catalogue version no query has seen (first time), then again (repeated). The text index
 * is built once at the start (timed apart), and a write is made before the first-time round, so
 * the snapshot reload and index sync a publication causes are timed too.
 *
 *   npx tsx bench/search-first.ts --data-dir .bench/data-10k
 *   npx tsx bench/search-first.ts --database-url postgres://postgres@127.0.0.1:5432/bench_100k
 *   npx tsx bench/search-first.ts --data-dir .bench/data-10k --cpu-prof first.cpuprofile   # profile of the first-time round
 *   npx tsx bench/search-first.ts --data-dir .bench/data-10k --write-each   # a publication before every first-time search
 *
 * With --write-each, every first-time search comes right after a write of its own (a practice
 * published with new words), so it also pays for bringing the snapshot and the text index up to
 * date and finds every per-version cache empty: the first view after a write. Adding
 * --catch-up brings them up to date between the write and the search, untimed, as a server does
 * when the write's notification arrives (src/main.ts): every per-version cache is still empty.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { currentSnapshot } from '../src/search/catalogue-snapshot.ts';
import { prepareBroadConcepts } from '../src/search/engine/dense-counts.ts';
import { textIndexFor } from '../src/search/engine/index-sync.ts';
import { prepareSearch } from '../src/search/query-match.ts';
import { parseSearchParams } from '../src/search/search.params.ts';
import { searchUncached } from '../src/search/search.service.ts';
import { codeVersion } from './code-version.ts';
import { baseQueries, loadMix } from './queries.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'cpu-prof': { type: 'string' },
    'write-each': { type: 'boolean', default: false },
    'catch-up': { type: 'boolean', default: false },
  },
});
const db = values['database-url']
  ? await openDatabase({ kind: 'postgres', url: values['database-url'], poolSize: 4 })
  : await openDatabase({ kind: 'pglite', dataDir: path.join(path.resolve(values['data-dir'] ?? '.bench/data-10k'), 'db') });

const judged = JSON.parse(fs.readFileSync(new URL('./relevance/queries.json', import.meta.url), 'utf8')) as {
  queries: { q: string; locale: string; filters: string }[];
};
const seen = new Set<string>();
const queries: { qs: string; locale: string }[] = [];
const add = (qs: string, locale: string) => {
  if (!seen.has(`${locale}|${qs}`)) seen.add(`${locale}|${qs}`) && queries.push({ qs, locale });
};
for (const j of judged.queries) {
  const u = new URLSearchParams(j.filters);
  u.set('q', j.q);
  add(u.toString(), j.locale);
}
for (const b of [...baseQueries, ...loadMix(400, 11, { distinct: true })]) if (new URLSearchParams(b.query).get('q')) add(b.query, 'en');

const ms = (t: number) => performance.now() - t;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const line = (label: string, xs: number[]) =>
  console.log(
    `${label.padEnd(28)} n=${String(xs.length).padStart(4)}  p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms  max ${Math.max(
      ...xs,
    )
      .toFixed(1)
      .padStart(7)} ms`,
  );

console.log(`First-time and repeated searches, code ${codeVersion()}, ${os.cpus().length} cores, ${values['database-url'] ? 'PostgreSQL' : 'PGlite'}`);
let t = performance.now();
const snap0 = await currentSnapshot(db);
console.log(`snapshot load: ${ms(t).toFixed(0)} ms (${snap0.size} practices)`);
t = performance.now();
const index = await textIndexFor(db, snap0);
console.log(`text index build: ${ms(t).toFixed(0)} ms (${index.postings.size} keys, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB)`);
t = performance.now();
// As the server does while warming up (src/main.ts).
const concepts = prepareBroadConcepts(index);
console.log(`broad glossary concepts counted: ${concepts} in ${ms(t).toFixed(0)} ms`);

/** A write, as a publication makes: every cache of the version is gone, one practice changed. */
let writes = 0;
const publish = () =>
  db.transaction().execute((trx) =>
    upsertPractice(
      trx,
      {
        id: `bench-first-search-write-${writes++ % 50}`,
        title: `Bench write ${Date.now()} housing`,
        summary: `A practice written so that the caches start empty, ${writes}.`,
        language: 'en',
        city: 'Turin',
        country: 'IT',
        themes: ['housing'],
      },
      { author: 'bench', message: 'bench' },
    ),
  );
await publish();
t = performance.now();
const snap1 = await currentSnapshot(db);
await textIndexFor(db, snap1);
console.log(`after a write, snapshot reload + index sync: ${ms(t).toFixed(0)} ms`);

const { Session } = await import('node:inspector/promises');
const profiler = values['cpu-prof'] ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const first: number[] = [];
const slowest: { ms: number; qs: string; locale: string }[] = [];
const again: number[] = [];
const longFirst: number[] = [];
const unquotedFirst: number[] = [];
for (const { qs, locale } of queries) {
  const params = parseSearchParams(new URLSearchParams(qs)).params;
  if (values['write-each']) {
    await publish();
    // As the server does when the write is notified: the snapshot and index brought up to date before the next request.
    if (values['catch-up']) await prepareSearch(db);
  }
  let s = performance.now();
  await searchUncached(db, params, { locale });
  const f = ms(s);
  first.push(f);
  slowest.push({ ms: f, qs, locale });
  if (params.q.split(/\s+/).length >= 6) longFirst.push(f);
  if (!params.q.includes('"') && params.page === 1) unquotedFirst.push(f);
  s = performance.now();
  await searchUncached(db, params, { locale });
  again.push(ms(s));
}
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  fs.writeFileSync(values['cpu-prof'] as string, JSON.stringify(profile));
}
line(values['write-each'] ? (values['catch-up'] ? 'first time, after a write, caught up' : 'first time, after a write') : 'first time', first);
line('first time, 6+ words', longFirst);
line('first time, no phrase, page 1', unquotedFirst);
line('repeated', again);
console.log('slowest first-time searches:');
for (const s of slowest.sort((a, b) => b.ms - a.ms).slice(0, 12))
  console.log(`  ${s.ms.toFixed(1).padStart(7)} ms  ${s.locale}  ${decodeURIComponent(s.qs.replace(/\+/g, ' ')).slice(0, 100)}`);
await db.destroy();
