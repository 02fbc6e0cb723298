/**
 * Relevance benchmark: runs the hand-judged queries of bench/relevance/queries.json through the
 * search service on the demo practices and reports nDCG@10, MRR and the zero-result rate, overall
 * and per kind of query, for each database engine: in-memory PGlite always, PostgreSQL when
 * TEST_DATABASE_URL or --postgres is given (a throw-away database is created and dropped).
 * A benchmark, not a test: it exits 0 whatever the figures.
 *
 *   npm run bench:relevance
 *   npm run bench:relevance -- --postgres postgres://postgres@127.0.0.1:5432/test
 *   npm run bench:relevance -- --engine pglite --query en-refugee-flat
 *   npm run bench:relevance -- --json .bench/relevance.json
 */
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Database } from '../src/db/database.ts';
import { parseSearchParams } from '../src/search/search.params.ts';
import { searchUncached } from '../src/search/search.service.ts';
import { createDemoDatabase, type Engine } from '../test/support/test-db.ts';
import { codeVersion } from './code-version.ts';
import { type Judgements, ndcgAt, type QueryScore, reciprocalRank, type ScoreSummary, summarize } from './relevance/metrics.ts';

/** Tags a judged query can carry (see the note in queries.json). */
type QueryTag = 'question' | 'keywords' | 'misspelled' | 'filtered' | 'long' | 'translation' | 'city';

/** One judged query of bench/relevance/queries.json. */
interface JudgedQuery {
  id: string;
  q: string;
  /** Interface language the search runs in. */
  locale: string;
  /** Language the query is written in. */
  lang: string;
  tags: QueryTag[];
  /** URL query string of the search's filters, without q. */
  filters: string;
  relevant: Judgements;
}

/** What one search returned: the ranked ids of the first page and the total. */
interface RunResult {
  ids: string[];
  total: number;
}

/** A query's figures on one engine. */
interface QueryOutcome extends QueryScore {
  query: JudgedQuery;
  total: number;
  ids: string[];
}

const k = 10;
const out = (line = '') => process.stdout.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    postgres: { type: 'string' },
    json: { type: 'string' },
    query: { type: 'string' },
  },
});
const postgresUrl = values.postgres ?? process.env.TEST_DATABASE_URL;
if (values.engine && values.engine !== 'pglite' && values.engine !== 'postgres') usage(`unknown engine ${values.engine}`);
if (values.engine === 'postgres' && !postgresUrl) usage('--engine postgres needs --postgres URL or TEST_DATABASE_URL');
// The tests' helpers create (and drop) a throw-away database on the server of TEST_DATABASE_URL.
if (postgresUrl) process.env.TEST_DATABASE_URL = postgresUrl;

function usage(problem: string): never {
  process.stderr.write(`${problem}\nusage: npx tsx bench/relevance.ts [--engine pglite|postgres] [--postgres URL] [--json FILE] [--query ID]\n`);
  process.exit(2);
}

/**
 * Runs one judged query through the search service, as the search page would with its filters.
 * The only place that knows the service's signature: only hits[].id and total are relied on.
 */
async function runQuery(db: Database, query: JudgedQuery): Promise<RunResult> {
  const url = new URLSearchParams(query.filters);
  url.set('q', query.q);
  const { params } = parseSearchParams(url, {});
  const result = await searchUncached(db, params, { locale: query.locale, pageSize: k });
  return { ids: result.hits.map((hit) => hit.id), total: result.total };
}

/** Reads the judged queries and checks them against the demo ids and the search's own filter parsing. */
async function loadQueries(): Promise<JudgedQuery[]> {
  const read = async (file: string) => JSON.parse(await fs.readFile(new URL(file, import.meta.url), 'utf8'));
  const { queries } = (await read('./relevance/queries.json')) as { queries: JudgedQuery[] };
  const known = new Set(((await read('../demo/practices.json')) as { practices: { id: string }[] }).practices.map((p) => p.id));
  for (const query of queries) {
    const unknown = Object.keys(query.relevant).filter((id) => !known.has(id));
    if (unknown.length > 0) process.stderr.write(`warning: ${query.id} judges unknown ids: ${unknown.join(', ')}\n`);
    const { notes } = parseSearchParams(new URLSearchParams(query.filters), {});
    for (const ignored of notes.ignored) process.stderr.write(`warning: ${query.id}: the search ignores ${ignored.param}=${ignored.value}\n`);
  }
  return queries;
}

/** Runs and scores every query, in order. */
async function scoreAll(db: Database, queries: JudgedQuery[]): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const { ids, total } = await runQuery(db, query);
    outcomes.push({ query, ids, total, ndcg: ndcgAt(ids, query.relevant, k), rr: reciprocalRank(ids, query.relevant, k), zero: total === 0 });
  }
  return outcomes;
}

/** The subsets of the report, each a name and which queries belong to it. */
const subsets: [string, (q: JudgedQuery) => boolean][] = [
  ['overall', () => true],
  ['english', (q) => q.lang === 'en'],
  ['other languages', (q) => q.lang !== 'en'],
  ...(['question', 'keywords', 'misspelled', 'filtered', 'long', 'translation', 'city'] as const).map((tag): [string, (q: JudgedQuery) => boolean] => [
    tag === 'question' ? 'questions' : tag,
    (q) => q.tags.includes(tag),
  ]),
];

const fixed = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(3));
const percent = (n: number) => (Number.isNaN(n) ? '–' : `${(100 * n).toFixed(1)}%`);
const row = (name: string, s: ScoreSummary) =>
  `${name.padEnd(18)}${String(s.count).padStart(5)}${fixed(s.ndcg).padStart(10)}${fixed(s.mrr).padStart(8)}${percent(s.zeroRate).padStart(9)}`;

/** Prints the per-subset table, the per-language lines and the worst queries of one engine. */
function report(engine: Engine, outcomes: QueryOutcome[], seconds: number): void {
  out(`== ${engine === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL'}: ${outcomes.length} queries in ${seconds.toFixed(1)} s ==`);
  out(`${'subset'.padEnd(18)}${'n'.padStart(5)}${'nDCG@10'.padStart(10)}${'MRR'.padStart(8)}${'zero'.padStart(9)}`);
  for (const [name, belongs] of subsets) out(row(name, summarize(outcomes.filter((o) => belongs(o.query)))));
  out('by language:');
  const langs = [...new Set(outcomes.map((o) => o.query.lang))];
  for (const lang of langs) out(row(`  ${lang}`, summarize(outcomes.filter((o) => o.query.lang === lang))));
  out();
  out('15 worst queries (lowest nDCG@10; among equals, those that found something first), with their top 5 (grade in brackets):');
  const worst = [...outcomes].sort((a, b) => a.ndcg - b.ndcg || b.total - a.total || a.query.id.localeCompare(b.query.id)).slice(0, 15);
  for (const o of worst) {
    const filters = o.query.filters ? ` [${o.query.filters}]` : '';
    out(`  ${fixed(o.ndcg)}  ${o.query.id}: "${o.query.q}"${filters} (${o.query.locale}), ${o.total} found`);
    out(
      `         ${
        o.ids.length === 0
          ? '(no results)'
          : o.ids
              .slice(0, 5)
              .map((id) => `${id} (${o.query.relevant[id] ?? 0})`)
              .join(', ')
      }`,
    );
  }
  out();
}

/** Prints one query's ranked ids with their grades, and the judged practices it missed. */
function explain(engine: Engine, o: QueryOutcome): void {
  out(`== ${engine}: ${o.query.id}: "${o.query.q}"${o.query.filters ? ` [${o.query.filters}]` : ''} (locale ${o.query.locale}) ==`);
  out(`nDCG@10 ${fixed(o.ndcg)}, RR ${fixed(o.rr)}, ${o.total} found`);
  o.ids.forEach((id, i) => {
    out(`${String(i + 1).padStart(3)}. (${o.query.relevant[id] ?? 0}) ${id}`);
  });
  const missed = Object.entries(o.query.relevant).filter(([id]) => !o.ids.includes(id));
  if (missed.length > 0) out(`not in the top ${k}: ${missed.map(([id, grade]) => `${id} (${grade})`).join(', ')}`);
  out();
}

const all = await loadQueries();
const queries = values.query ? all.filter((q) => q.id === values.query) : all;
if (queries.length === 0) usage(`no query with id ${values.query}`);
const engines: Engine[] = (['pglite', 'postgres'] as const).filter(
  (e) => (!values.engine || values.engine === e) && (e === 'pglite' || postgresUrl !== undefined),
);

out(`Relevance benchmark on the demo practices, code ${codeVersion()}, ${new Date().toISOString().slice(0, 10)}`);
out();
const json: Record<string, unknown> = {};
for (const engine of engines) {
  const { db, drop } = await createDemoDatabase(engine);
  try {
    const started = performance.now();
    const outcomes = await scoreAll(db, queries);
    if (values.query) explain(engine, outcomes[0]);
    else report(engine, outcomes, (performance.now() - started) / 1000);
    json[engine] = outcomes.map((o) => ({
      id: o.query.id,
      q: o.query.q,
      lang: o.query.lang,
      locale: o.query.locale,
      tags: o.query.tags,
      filters: o.query.filters,
      ndcg: o.ndcg,
      rr: o.rr,
      zero: o.zero,
      total: o.total,
      ids: o.ids,
    }));
  } finally {
    await drop();
  }
}
if (values.json) {
  await fs.writeFile(values.json, `${JSON.stringify({ code: codeVersion(), k, engines: json }, null, 2)}\n`);
  out(`per-query figures written to ${values.json}`);
}
