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

/** Where the data lives: a PostgreSQL server, or an embedded PGlite folder (or memory). */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number; timeouts?: PostgresTimeouts }
  /** dataDir is the database folder inside a data folder (DATA_DIR/db); omitted, the database lives in memory. */
  | { kind: 'pglite'; dataDir?: string };

/**
 * Bounds of a serving pool, so that no request waits on PostgreSQL for ever: without them a
 * query on a connection that stopped answering, or a wait for a connection to a server that
 * is down, has no end. Omitted (the CLI, migrations), statements may run as long as they need.
 */
export interface PostgresTimeouts {
  /** Wait for a connection: a new one, or a free one of the pool. */
  connectMs?: number;
  /** The server cancels a longer statement; the client gives up a connection that stays silent a little longer. */
  statementMs?: number;
  /** An idle connection is closed after this long. */
  idleMs?: number;
}

/** How much longer than the statement timeout the client waits for a silent connection. */
const silentConnectionGraceMs = 2_000;

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
    const t = target.timeouts;
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      keepAlive: true,
      // No JIT compilation: the app's queries are short, and PostgreSQL compiled some whose
      // estimates ran high (a count per listed organisation) for 10–500 ms before running them in 1.
      options: '-c jit=off',
      ...(t?.connectMs && { connectionTimeoutMillis: t.connectMs }),
      ...(t?.idleMs && { idleTimeoutMillis: t.idleMs }),
      ...(t?.statementMs && { statement_timeout: t.statementMs, query_timeout: t.statementMs + silentConnectionGraceMs }),
    });
    // A connection the server closes (restart, failover, a dropped database) must not crash the
    // process: the pool discards it and opens a new one on the next query. A connection lent to
    // a request has no listener of the pool's, and an 'error' event without one would end the
    // process; its query fails with the same error, which the request answers with a 503.
    const closed = (error: Error) => {
      process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: 'database connection closed', error: error.message })}\n`);
    };
    pool.on('error', closed);
    pool.on('connect', (client) => client.on('error', () => {}));
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
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

/**
 * Lends the embedded database's PGlite handle to `work` while no statement or transaction of
 * `db` runs (the PGlite dialect has a single connection, held meanwhile); on PostgreSQL there
 * is none and `work` is not called.
 * @example const tarball = await withPGlite(db, (pglite) => pglite.dumpDataDir('gzip'));
 */
export async function withPGlite<T>(db: Database, work: (pglite: PGlite) => Promise<T>): Promise<T | undefined> {
  return db.getExecutor().provideConnection(async (connection) => {
    const client = (connection as { client?: unknown }).client;
    return client instanceof PGlite ? work(client) : undefined;
  });
}
