import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { currentSnapshot } from './search/catalogue-snapshot.ts';
import { textIndexFor } from './search/engine/index-sync.ts';
import { ConfigError, loadConfig } from './config.ts';
import { lockDataDir, newAdminToken, publishServerInfo } from './db/data-dir-lock.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger } from './http/logger.ts';
import { pruneSessions } from './accounts/session.repo.ts';
import { seedDemo } from './practices/demo-seed.ts';
import { pruneRates } from './security/rate-limit.ts';
import { isCatalogueEmpty } from './practices/practice.repo.ts';
import { reindexIfStale } from './practices/search-reindex.ts';

/** Starts the server: config, single-writer lock, database, migrations, demo data, HTTP. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL);
  const started = performance.now();

  let release: (() => Promise<void>) | undefined;
  if (!config.DATABASE_URL) {
    try {
      release = await lockDataDir(config.dataDir);
    } catch {
      log.error('data folder in use', {
        dataDir: config.dataDir,
        hint: 'Another Clearinghouse process (a server or a clearinghouse command) is using this folder. Stop it, or set DATA_DIR to another folder.',
      });
      process.exit(75);
    }
  }
  const db = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.join(config.dataDir, 'db') },
  );
  const applied = await migrateToLatest(db);
  if (applied.length) log.info('migrated', { applied });
  const reindexed = await reindexIfStale(db);
  if (reindexed) log.info('search index rebuilt', { practices: reindexed });
  if (config.SEED_DEMO && (await isCatalogueEmpty(db))) {
    const summary = await seedDemo(db);
    log.info('demo data loaded', { created: summary.created });
  }

  const adminToken = config.DATABASE_URL ? undefined : newAdminToken();
  const app = createApp({ db, config, log, adminToken });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    // The CLI runs on this machine: loopback when bound to every address, else the bound address.
    const host = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(config.HOST) ? '127.0.0.1' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
    if (adminToken) publishServerInfo(config.dataDir, `http://${host}:${info.port}`, adminToken);
    log.info('listening', {
      url: `http://localhost:${info.port}`,
      database: config.DATABASE_URL ? 'postgresql' : `pglite:${config.dataDir}`,
      startupMs: Math.round(performance.now() - started),
    });
  });

  // Load the search snapshot now rather than on the first visitor's search (1.4 s at 100k).
  // The snapshot and the text index are built before the first search needs them.
  void currentSnapshot(db)
    .then((snap) => textIndexFor(db, snap))
    .catch((e: Error) => log.warn('search snapshot not preloaded', { error: e.message }));

  // Expired sessions and rate-limit windows are dead weight: clear them now and every hour.
  const prune = () => Promise.all([pruneSessions(db), pruneRates(db)]).catch((e: Error) => log.warn('prune failed', { error: e.message }));
  await prune();
  const pruneTimer = setInterval(prune, 60 * 60 * 1000);
  pruneTimer.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    server.close();
    await db.destroy();
    await release?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
