/**
 * Where an import spends its time: runs importPractices() on PostgreSQL with Kysely's query
 * log on, and prints the total time per SQL statement shape (literals and parameters folded).
 *
 *   npx tsx bench/import-profile.ts .bench/practices-2000.json postgres://postgres@127.0.0.1:5432/bench_profile
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { DB } from '../src/db/schema.ts';
import { importPractices } from '../src/practices/import/import-practices.command.ts';

const [file, url] = process.argv.slice(2);
if (!file || !url || !/\/bench_[a-z0-9_]+$/.test(url)) {
  process.stderr.write('usage: npx tsx bench/import-profile.ts FILE postgres://…/bench_x  (the database is dropped and created)\n');
  process.exit(2);
}
const name = new URL(url).pathname.slice(1);
const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();

const byShape = new Map<string, { n: number; ms: number }>();
const shape = (q: string) =>
  q
    .replace(/\$\d+/g, '?')
    .replace(/\s+/g, ' ')
    .replace(/(setweight\(to_tsvector\(\?::regconfig, \?\), '\w'\)( \|\| )?)+/g, 'setweight(to_tsvector(…))…')
    .replace(/\(\?(, \?)*\)(, \(\?(, \?)*\))*/g, '(…)')
    .slice(0, 160);
const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
  log: (e) => {
    const k = shape(e.query.sql);
    const s = byShape.get(k) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += e.queryDurationMillis;
    byShape.set(k, s);
  },
});
await migrateToLatest(db);
byShape.clear();
const text = fs.readFileSync(path.resolve(file), 'utf8');
const t = performance.now();
const summary = await importPractices(db, text, { author: 'bench', source: path.basename(file) });
const total = performance.now() - t;
await db.destroy();

const rows = [...byShape.entries()].sort((a, b) => b[1].ms - a[1].ms);
const sqlMs = rows.reduce((s, [, v]) => s + v.ms, 0);
process.stdout.write(`import of ${summary.created} records: ${(total / 1000).toFixed(1)} s, of which SQL ${(sqlMs / 1000).toFixed(1)} s\n`);
process.stdout.write('   total ms   calls   ms/call  statement\n');
for (const [k, v] of rows.slice(0, 12)) {
  process.stdout.write(`${v.ms.toFixed(0).padStart(11)} ${String(v.n).padStart(7)} ${(v.ms / v.n).toFixed(2).padStart(9)}  ${k}\n`);
}
