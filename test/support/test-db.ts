import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/demo/demo-seed.ts';
import { createLogger } from '../../src/shared/logger.ts';

export type Engine = 'pglite' | 'postgres';

/**
 * Engines the suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * TEST_ENGINES=pglite (or postgres) narrows the list. In CI, PostgreSQL is required.
 */
export function testEngines(): Engine[] {
  const all: Engine[] = ['pglite'];
  if (process.env.TEST_DATABASE_URL) all.push('postgres');
  else if (process.env.CI === 'true') throw new Error('CI requires TEST_DATABASE_URL: the PostgreSQL tests may not be skipped');
  const only = process.env.TEST_ENGINES?.split(',').map((s) => s.trim());
  return only ? all.filter((e) => only.includes(e)) : all;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDatabase(engine: Engine): Promise<{ db: Database; drop: () => Promise<void>; url?: string }> {
  if (engine === 'pglite') {
    const db = await openDatabase({ kind: 'pglite' });
    await migrateToLatest(db);
    return { db, drop: () => db.destroy() };
  }
  const server = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string, 'ch_test');
  const db = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 4 });
  await migrateToLatest(db);
  return {
    db,
    url: server.url,
    drop: async () => {
      await db.destroy();
      await server.drop();
    },
  };
}

/** A new, empty database on the PostgreSQL server of adminUrl, and how to drop it. */
export async function createPostgresDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A fresh database with the demo practices and city figures loaded. */
export async function createDemoDatabase(engine: Engine) {
  const handle = await createTestDatabase(engine);
  await seedDemo(handle.db);
  return handle;
}

/** The real app on a database, with a quiet logger, for in-process requests. */
export function createTestApp(db: Database, env: Record<string, string> = {}) {
  const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', ...env });
  return createApp({ db, config, log: createLogger('silent'), adminToken: env.ADMIN_TOKEN });
}
