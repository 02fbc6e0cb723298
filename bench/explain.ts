/**
 * Why a search is slow: runs one search through the real service (no answer cache) with every
 * SQL statement captured, then runs EXPLAIN (ANALYZE, BUFFERS) on each and prints the plans
 * with their times. The server must not be running on a PGlite folder (one writer per folder).
 *
 *   npx tsx bench/explain.ts --data-dir .bench/data-10k 'q=migrants'
 *   npx tsx bench/explain.ts --database-url postgres://postgres@127.0.0.1:5432/bench_100k 'q=refugees&theme=housing' --plans
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from '../src/db/schema.ts';
import { parseSearchParams } from '../src/search/search.params.ts';
import { searchUncached } from '../src/search/search.service.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    plans: { type: 'boolean', default: false },
    analyze: { type: 'boolean', default: false },
  },
});
if ((!values['data-dir'] && !values['database-url']) || positionals.length === 0) {
  process.stderr.write("usage: npx tsx bench/explain.ts (--data-dir DIR | --database-url URL) 'q=…&theme=…' … [--plans] [--analyze]\n");
  process.exit(2);
}

const captured: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
const log = (e: LogEvent): void => {
  captured.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
};
let raw: (text: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;
let db: Kysely<DB>;
let close: () => Promise<void>;
if (values['database-url']) {
  const pool = new pg.Pool({ connectionString: values['database-url'], max: 4 });
  db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  raw = async (text, params) => (await pool.query(text, params as unknown[])).rows;
  close = () => db.destroy();
} else {
  const pglite = await PGlite.create({
    dataDir: path.join(path.resolve(values['data-dir'] as string), 'db'),
    extensions: { unaccent, pg_trgm },
    parsers: { 20: (v: string) => Number.parseInt(v, 10) },
  });
  db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), log });
  raw = async (text, params) => (await pglite.query<Record<string, unknown>>(text, params as unknown[])).rows;
  close = async () => {
    await db.destroy();
  };
}
if (values.analyze) {
  const t = performance.now();
  await raw('ANALYZE', []);
  process.stdout.write(`ANALYZE took ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

for (const query of positionals) {
  const { params } = parseSearchParams(new URLSearchParams(query));
  captured.length = 0;
  await searchUncached(db, params, { locale: 'en' }); // warm
  captured.length = 0;
  const t = performance.now();
  const result = await searchUncached(db, params, { locale: 'en' });
  const total = performance.now() - t;
  process.stdout.write(`\n=== ${query}: ${result.total} results, ${total.toFixed(1)} ms for ${captured.length} statements (sequential run)\n`);
  for (const c of captured) {
    // Settings the service applies around its queries (SET LOCAL …) have no plan.
    if (/^\s*(set|begin|commit)\b/i.test(c.sql)) {
      if (/^\s*set\b/i.test(c.sql)) await raw(c.sql.replace(/\bLOCAL\b/i, 'SESSION'), []);
      continue;
    }
    const plan = await raw(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, c.parameters);
    const lines = plan.map((r) => String(Object.values(r)[0]));
    const exec = lines.find((l) => l.startsWith('Execution Time')) ?? '';
    const oneLine = c.sql.replace(/\s+/g, ' ');
    process.stdout.write(`\n-- ${c.ms.toFixed(1)} ms in the app, EXPLAIN ${exec}: ${oneLine.slice(0, 140)}…\n`);
    if (values.plans) process.stdout.write(`${lines.join('\n')}\n`);
  }
}
await close();
