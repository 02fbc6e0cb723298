import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { assertNotHeldElsewhere } from './data-dir-lock.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

const pooled = new WeakSet<Database>();

/** Whether the handle has several connections (PostgreSQL), so independent work can run beside a transaction. */
export function hasSpareConnections(db: Database): boolean {
  return pooled.has(db);
}

/** Where the data lives: a PostgreSQL server, or an embedded PGlite folder (or memory). */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir is the database folder inside a data folder (DATA_DIR/db); omitted, the database lives in memory. */
  | { kind: 'pglite'; dataDir?: string };

// Counts come back as bigint strings from PostgreSQL; the platform's counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** PGlite's buffer cache. */
const pgliteSharedBuffers = '32MB';

/**
 * Opens a Kysely handle on PostgreSQL or PGlite with the same dialect of SQL.
 * @example const db = await openDatabase({ kind: 'pglite', dataDir: './data/db' });
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection the server closes (restart, failover, a dropped database) must not
    // crash the process: the pool discards it and opens a new one on the next query.
    pool.on('error', (error) => {
      process.stderr.write(`${JSON.stringify({ level: 'warn', msg: 'idle database connection closed', error: error.message })}\n`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    if ((target.poolSize ?? 10) >= 3) pooled.add(db);
    return db;
  }
  // The lock sits on the data folder that contains the database folder.
  if (target.dataDir) await assertNotHeldElsewhere(path.dirname(path.resolve(target.dataDir)));
  const pglite = await PGlite.create({
    dataDir: target.dataDir,
    extensions: { unaccent, pg_trgm },
    // PGlite zeroes its shared memory on every start, a third of a second for the stock 128 MB
    // of buffers; the data files stay in the operating system's cache anyway (docs/performance.md).
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${pgliteSharedBuffers}`],
    parsers: { 20: (v: string) => Number.parseInt(v, 10) },
  });
  return new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
}
