import path from 'node:path';
import { pruneSessions } from './accounts/session.repo.ts';
import { createApp } from './app.ts';
import { warmCountryMaps } from './cities/city.service.ts';
import { linkSources } from './cli/link-sources.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { lockDataDir, newAdminToken, publishServerInfo } from './db/data-dir-lock.ts';
import { type Database, type DatabaseTarget, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { isDatabaseUnavailable } from './db/unavailable.ts';
import { seedDemo, seedDemoNetworkIfMissing } from './demo/demo-seed.ts';
import { scheduleDigests } from './follows/follow-jobs.ts';
import { scheduleHarvests } from './harvest/harvest-jobs.ts';
import { type Listening, listen } from './http/listeners.ts';
import { Readiness } from './http/readiness.ts';
import { type JobWorker, startJobWorker } from './jobs/job-worker.ts';
import { defineLinkCheckJob, scheduleLinkCheck } from './link-check/link-check-jobs.ts';
import { createMailer } from './mail/mailer.ts';
import { PageCache } from './page-cache/page-cache.ts';
import { SiteVersionFeed } from './page-cache/site-version-feed.ts';
import { isCatalogueEmpty } from './practices/practice.repo.ts';
import { currentSnapshot } from './search/catalogue-snapshot.ts';
import { prepareSearch } from './search/query-match.ts';
import { pruneRates } from './security/rate-limit.ts';
import { latestPublicIndexes } from './self-assessment/benchmark.repo.ts';
import { cityContexts } from './self-assessment/recommendation.repo.ts';
import { createLogger, type Logger } from './shared/logger.ts';

/** Pause between attempts to reach a database that is down at start-up. */
const setupRetryMs = 2_000;
/** How often an idle worker looks at the queue; a job queued by this instance wakes it at once. */
const jobPollMs = 1_000;

/**
 * The database a server serves from: on PostgreSQL with the config's timeouts, so that no
 * request waits on a database that is down or silent for longer than they allow.
 */
function servingTarget(config: Config): DatabaseTarget {
  if (!config.DATABASE_URL) return { kind: 'pglite', dataDir: path.join(config.dataDir, 'db') };
  return {
    kind: 'postgres',
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    timeouts: { connectMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS, idleMs: config.DATABASE_IDLE_TIMEOUT_MS },
  };
}

/** Migrations and demo data: the work before the first request can be served. */
async function prepareDatabase(db: Database, config: Config, log: Logger): Promise<void> {
  const applied = await migrateToLatest(db);
  if (applied.length) log.info('migrated', { applied });
  if (config.SEED_DEMO && (await isCatalogueEmpty(db))) {
    const summary = await seedDemo(db);
    log.info('demo data loaded', { created: summary.created });
  } else if (config.SEED_DEMO) {
    const added = await seedDemoNetworkIfMissing(db);
    if (added) log.info('demo organisations loaded', { created: added });
  }
}

/** The validated config, or exit 78 (EX_CONFIG) with the message naming the wrong variable. */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
}

/**
 * Takes the embedded data folder's single-writer lock (nothing to take on PostgreSQL) and returns
 * its release, or exits 75 naming the process that holds the folder.
 */
async function lockOrExit(config: Config, log: Logger): Promise<(() => Promise<void>) | undefined> {
  if (config.DATABASE_URL) return undefined;
  try {
    return await lockDataDir(config.dataDir);
  } catch (e) {
    // A DataDirLockedError names the live holder; other errors (a folder that cannot be written) are not "in use".
    const heldBy = (e as { heldBy?: { description: string; holder?: { pid: number }; server?: { pid: number } } }).heldBy;
    if (!heldBy) throw e;
    const pid = heldBy.holder?.pid ?? heldBy.server?.pid;
    log.error('data folder in use', {
      dataDir: config.dataDir,
      heldBy: heldBy.description,
      pid,
      hint: `${(e as Error).message} Stop it${pid ? ` (kill ${pid})` : ''}, or set DATA_DIR to another folder.`,
    });
    process.exit(75);
  }
}

/** The public listener, or exit 69 (after closing the database and the lock) when the port cannot be had. */
async function listenOrExit(
  app: ReturnType<typeof createApp>,
  config: Config,
  log: Logger,
  db: Database,
  release: (() => Promise<void>) | undefined,
  pageCache: PageCache | undefined,
): Promise<Listening> {
  try {
    return await listen(app.fetch, {
      listener: 'public',
      port: config.PORT,
      hostname: config.HOST,
      timeouts: config,
      ...(pageCache && { before: (req, res) => pageCache.serve(req, res) }),
    });
  } catch (e) {
    log.error('cannot listen', {
      host: config.HOST,
      port: config.PORT,
      error: (e as Error).message,
      hint: 'Another program may use this port: stop it, or set PORT to another one.',
    });
    await db.destroy();
    await release?.();
    process.exit(69);
  }
}

/**
 * The set-up (`prepareDatabase`), tried again while the database cannot be reached, until it
 * succeeds or the server is stopping. On PostgreSQL it runs on a pool of its own, without the
 * serving pool's statement timeout: a migration may take long.
 */
async function setUpWithRetries(db: Database, config: Config, log: Logger, stopping: () => boolean): Promise<void> {
  for (;;) {
    const setupDb = config.DATABASE_URL
      ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: 2, timeouts: { connectMs: config.DATABASE_CONNECT_TIMEOUT_MS } })
      : db;
    try {
      return await prepareDatabase(setupDb, config, log);
    } catch (e) {
      if (!isDatabaseUnavailable(e) || stopping()) throw e;
      log.warn('database unavailable at start-up, trying again', { error: (e as Error).message, inMs: setupRetryMs });
    } finally {
      if (setupDb !== db) await setupDb.destroy();
    }
    await new Promise((r) => setTimeout(r, setupRetryMs));
  }
}

/**
 * Builds the search snapshot, the text index and the broad concepts' counts at start-up rather
 * than in the first visitors' searches (35–55 s at 100k practices); a failure only leaves that
 * work to the first search.
 */
async function warmUpSearch(db: Database, log: Logger): Promise<void> {
  try {
    await prepareSearch(db);
  } catch (e) {
    log.warn('search index not warmed up', { error: (e as Error).message });
  }
}

/**
 * Brings the search snapshot and the text index up to date as soon as a write is notified,
 * rather than in the first request after it: that request then finds them current (or waits
 * for the update already under way). Updates run one at a time; notifications arriving
 * meanwhile make one more.
 */
function keepSearchCurrent(feed: SiteVersionFeed, db: Database, log: Logger): void {
  let running = false;
  let again = false;
  const update = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await prepareSearch(db);
      } while (again);
    } catch (e) {
      log.warn('search not updated after a write, the next search will', { error: (e as Error).message });
    } finally {
      running = false;
    }
  };
  feed.onChange(() => void update());
}

/**
 * Reads the cities' latest self-assessment scores and their contexts again as soon as a write
 * is notified (each read only when its own version moved), so the first comparison page after a
 * publication finds them current or already being read, as the search does above.
 */
function keepComparisonsCurrent(feed: SiteVersionFeed, db: Database, log: Logger): void {
  feed.onChange(() => {
    Promise.all([latestPublicIndexes(db, { examples: false }), cityContexts(db)]).catch((e: Error) =>
      log.warn('comparisons not read after a write, the next page will', { error: e.message }),
    );
  });
}

/** Listens for writes; without it the page cache only stays empty (every page is rendered). */
async function startFeed(feed: SiteVersionFeed, db: Database, config: Config, log: Logger): Promise<void> {
  try {
    await feed.start(db, config.DATABASE_URL);
  } catch (e) {
    log.warn('site version feed not started, pages are not kept', { error: (e as Error).message });
  }
}

/** Country maps drawn before their first visitors, while warming up (a failure leaves it to them). */
async function warmUpCountryMaps(db: Database, log: Logger): Promise<void> {
  try {
    const snap = await currentSnapshot(db);
    await warmCountryMaps(db, snap.facets.country.values);
  } catch (e) {
    log.warn('country maps not drawn ahead', { error: (e as Error).message });
  }
}

/** Public pages of every kind rendered a few times while warming up (with a city's score page, see `warmUpPages`). */
const warmUpPaths = ['/', '/practices', '/practices?q=housing', '/fr/practices?q=logement', '/practices?q=refugees&theme=housing&page=2', '/map', '/benchmark'];

/** The score page of a city with a published self-assessment (its own, or the demo's example), when there is one. */
async function scorePagePath(db: Database): Promise<string[]> {
  const [own] = await latestPublicIndexes(db, { examples: false });
  const city = own ?? (await latestPublicIndexes(db, { examples: true }))[0];
  return city ? [`/cities/${city.country.toLowerCase()}/${encodeURIComponent(city.slug)}/assessment`] : [];
}

/**
 * Renders the public pages a few times before /readyz answers 200, so that the first visitors
 * do not run the search, facet and rendering code before the JavaScript engine has compiled it
 * (the first pages of a new process took twice as long as the next ones).
 */
async function warmUpPages(app: ReturnType<typeof createApp>, db: Database, log: Logger): Promise<void> {
  try {
    const paths = [...warmUpPaths, ...(await scorePagePath(db))];
    for (let round = 0; round < 3; round++) for (const path of paths) await app.request(path);
  } catch (e) {
    log.warn('pages not warmed up', { error: (e as Error).message });
  }
}

/** Expired sessions and rate-limit windows are dead weight: clears them now and every hour. */
function schedulePruning(db: Database, log: Logger): void {
  const prune = () => Promise.all([pruneSessions(db), pruneRates(db)]).catch((e: Error) => log.warn('prune failed', { error: e.message }));
  void prune();
  const pruneTimer = setInterval(prune, 60 * 60 * 1000);
  pruneTimer.unref();
}

/** Starts the server: config, single-writer lock, database, HTTP, migrations and demo data, search index. */
async function main() {
  const config = configOrExit();
  const log = createLogger(config.LOG_LEVEL);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  const release = await lockOrExit(config, log);
  const db = await openDatabase(servingTarget(config));
  const readiness = new Readiness();
  const adminToken = config.DATABASE_URL ? undefined : newAdminToken();
  const feed = new SiteVersionFeed(log);
  const pageCache = config.PAGE_CACHE_MB > 0 ? new PageCache(feed, config, log, config.PAGE_CACHE_MB * 1024 * 1024) : undefined;
  const mailer = createMailer(config, log);
  const app = createApp({ db, config, log, adminToken, readiness, pageCache, mailer });
  let worker: JobWorker | undefined;

  // Listen first: health checks answer during migrations, requests wait for them (http/readiness.ts).
  const listeners: Listening[] = [await listenOrExit(app, config, log, db, release, pageCache)];
  log.info('listening', {
    url: `http://localhost:${listeners[0].port}`,
    database: config.DATABASE_URL ? 'postgresql' : `pglite:${config.dataDir}`,
    startupMs: elapsed(),
  });

  let stopping = false;
  let setup: Promise<unknown> = Promise.resolve();
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    await Promise.all(listeners.map((l) => l.close()));
    await feed.stop();
    // The job in hand finishes; the others stay queued for the next start or another instance.
    await worker?.stop();
    // Never close the database under a migration or the demo data being written.
    await setup.catch(() => undefined);
    await db.destroy();
    await release?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  setup = setUpWithRetries(db, config, log, () => stopping);
  try {
    await setup;
  } catch (e) {
    if (stopping) return;
    log.error('start-up failed', { error: (e as Error).message, stack: (e as Error).stack });
    process.exit(1);
  }
  if (stopping) return;
  // Migrated: the notifications of writes exist from here on.
  await startFeed(feed, db, config, log);
  readiness.advance('serving');
  // Mail, notifications and digests: every instance runs a worker; the queue gives each job to one.
  // The link checker checks the kinds of links handed to it (src/cli/link-sources.ts: the same list as `clearinghouse check-links`).
  defineLinkCheckJob(linkSources());
  worker = startJobWorker(
    { db, config, log, mailer },
    {
      pollMs: jobPollMs,
      everyMinute: async (d) => {
        const now = new Date();
        await scheduleDigests(d.db, now);
        await scheduleHarvests(d.db, now);
        await scheduleLinkCheck(d.db, now);
      },
    },
  );

  // The command line reaches this server (embedded database only) on loopback, never on HOST.
  if (adminToken) {
    const internal = await listen(app.fetch, { listener: 'internal', port: 0, hostname: '127.0.0.1', timeouts: config });
    listeners.push(internal);
    publishServerInfo(config.dataDir, `http://127.0.0.1:${internal.port}`, adminToken);
  }
  log.info('serving', { startupMs: elapsed() });

  // /readyz answers 200 once the search is warmed up.
  await warmUpSearch(db, log);
  await warmUpCountryMaps(db, log);
  await warmUpPages(app, db, log);
  keepSearchCurrent(feed, db, log);
  keepComparisonsCurrent(feed, db, log);
  readiness.advance('ready');
  log.info('ready', { startupMs: elapsed() });

  schedulePruning(db, log);
}

await main();
