/**
 * Times an import of a generated corpus through importPractices() — the code path of
 * `clearinghouse import` — into a fresh database, and leaves that database for search-load.ts.
 *
 *   npx tsx bench/import.ts .bench/practices-10000.json --data-dir .bench/data-10k
 *   npx tsx bench/import.ts .bench/practices-100000.json --database-url postgres://postgres@127.0.0.1:5432/bench_100k
 *
 * The database must be new: a PGlite folder that does not exist yet, or a PostgreSQL database
 * that is created here (`--recreate` drops an existing one first; `--append` imports into it as
 * it is, for a corpus written in parts: `bench/corpus.ts 1000000 --part-size 100000`). `--analyze` runs ANALYZE
 * afterwards and times it separately (PGlite has no autovacuum to do it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { sql } from 'kysely';
import pg from 'pg';
import { commandPoolSize } from '../src/cli/data-access.ts';
import { lockDataDir } from '../src/db/data-dir-lock.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importPractices } from '../src/practices/import/import-practices.command.ts';
import { codeVersion } from './code-version.ts';

// A 100k corpus is ~430 MB of JSON; parsing and validating it needs more than the default heap.
if (getHeapStatistics().heap_size_limit < 8 * 1024 ** 3 && !process.env.BENCH_REEXEC) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=12288', '--import', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_REEXEC: '1' },
  });
  process.exit(r.status ?? 1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    recreate: { type: 'boolean', default: false },
    append: { type: 'boolean', default: false },
    analyze: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file || (!values['data-dir'] && !values['database-url'])) {
  process.stderr.write('usage: npx tsx bench/import.ts FILE (--data-dir DIR | --database-url postgres://…/bench_x) [--recreate] [--analyze]\n');
  process.exit(2);
}

const secs = (from: number, to = performance.now()) => (to - from) / 1000;
const log = (line: string) => process.stdout.write(`${line}\n`);

async function freshPostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to create or drop "${name}": benchmark databases are named bench_…`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (exists && values.append) return;
    if (exists && !values.recreate) throw new Error(`database ${name} exists; pass --recreate to drop it first, or --append to add to it`);
    if (exists) await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

log(`code: ${codeVersion()}`);
let release: (() => Promise<void>) | undefined;
const t0 = performance.now();
if (values['database-url']) {
  await freshPostgres(values['database-url']);
} else {
  const dir = path.resolve(values['data-dir'] as string);
  if (fs.existsSync(dir)) {
    if (!values.recreate) throw new Error(`${dir} exists; pass --recreate to delete it first`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  release = await lockDataDir(dir);
}
const db = await openDatabase(
  values['database-url']
    ? // As many connections as `clearinghouse import` opens.
      { kind: 'postgres', url: values['database-url'], poolSize: commandPoolSize }
    : { kind: 'pglite', dataDir: path.join(path.resolve(values['data-dir'] as string), 'db') },
);
await migrateToLatest(db);
const tReady = performance.now();

const text = fs.readFileSync(path.resolve(file), 'utf8');
const tRead = performance.now();
log(`read ${(Buffer.byteLength(text) / 1e6).toFixed(0)} MB in ${secs(tReady, tRead).toFixed(1)} s`);

let tFirst = 0;
let tLast = 0;
let nextReport = 0;
const summary = await importPractices(db, text, {
  author: 'bench',
  source: path.basename(file),
  onProgress: (done, total) => {
    const now = performance.now();
    if (done === 1) {
      tFirst = now;
      log(`validated ${total} records in ${secs(tRead, now).toFixed(1)} s`);
    }
    tLast = now;
    if (done >= nextReport) {
      nextReport += Math.max(1, Math.floor(total / 10));
      if (done > 1) log(`  ${done} / ${total} written, ${(done / secs(tFirst, now)).toFixed(0)} records/s`);
    }
  },
});
const tDone = performance.now();
if (!summary.written) {
  log(`import refused: ${summary.issues.length} issues, first: ${JSON.stringify(summary.issues.slice(0, 3))}`);
  process.exit(1);
}
const n = summary.created + summary.updated + summary.unchanged;
log(`wrote ${n} records in ${secs(tFirst, tLast).toFixed(1)} s; commit ${secs(tLast, tDone).toFixed(1)} s`);
log(`summary ${JSON.stringify({ ...summary, issues: summary.issues.length })}`);

let analyzeSeconds: number | undefined;
if (values.analyze) {
  const ta = performance.now();
  await sql`ANALYZE`.execute(db);
  analyzeSeconds = secs(ta);
}
const size = await sql<{ size: string }>`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`.execute(db);
await db.destroy();
await release?.();

const importSeconds = secs(tRead, tDone);
log('');
log(
  `RESULT records=${n} import_s=${importSeconds.toFixed(1)} records_per_s=${(n / importSeconds).toFixed(0)} ` +
    `total_s=${secs(t0).toFixed(1)} (incl. create+migrate ${secs(t0, tReady).toFixed(1)} s, read ${secs(tReady, tRead).toFixed(1)} s)` +
    `${analyzeSeconds !== undefined ? ` analyze_s=${analyzeSeconds.toFixed(1)}` : ''} db_size=${size.rows[0]?.size}`,
);
