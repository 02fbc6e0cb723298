import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.ts';
import { lockDataDir, readServerInfo, type ServerInfo } from '../db/data-dir-lock.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { CliError, exitCodes } from './cli-error.ts';

/**
 * How a command reaches the data: its own database connection (PostgreSQL, or an embedded
 * folder it now holds), or the running server that holds the embedded folder.
 */
export type DataAccess =
  | { via: 'database'; db: Database; close: () => Promise<void> }
  | { via: 'server'; server: ServerInfo; dataDir: string };

/**
 * Connections a command opens to PostgreSQL: an import's writing transaction and two spare
 * ones, on which it computes the search vectors ahead (see VectorStager); with fewer it
 * computes them in the writing statement, on one core.
 */
export const commandPoolSize = 3;

/** How long to wait for a server that holds the folder but has not yet said where it listens (it may be migrating or seeding). */
const serverStartWaitMs = 15_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server that published its address for this folder, if its process is alive. */
function liveServer(dataDir: string): ServerInfo | undefined {
  const info = readServerInfo(dataDir);
  return info && isAlive(info.pid) ? info : undefined;
}

async function tryLock(dataDir: string): Promise<(() => Promise<void>) | undefined> {
  try {
    return await lockDataDir(dataDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') return undefined;
    throw e;
  }
}

/**
 * Opens the data for a command. On PostgreSQL it simply connects. On the embedded database
 * it never opens a folder another process holds — PGlite has no lock between processes and
 * a second writer silently loses rows — so it either takes the folder's lock itself (and a
 * server cannot start on it until the command ends) or returns the running server to work
 * through. Taking the lock first, rather than checking, leaves no gap for a server to slip in.
 * @example const access = await openDataAccess(config, (msg) => process.stderr.write(msg));
 */
export async function openDataAccess(config: Config, notify: (message: string) => void): Promise<DataAccess> {
  if (config.DATABASE_URL) {
    const db = await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: commandPoolSize });
    return { via: 'database', db, close: () => db.destroy() };
  }
  const dataDir = config.dataDir;
  const deadline = Date.now() + serverStartWaitMs;
  let told = false;
  for (;;) {
    const release = await tryLock(dataDir);
    if (release) {
      try {
        const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
        return { via: 'database', db, close: async () => { await db.destroy(); await release(); } };
      } catch (e) {
        await release();
        throw e;
      }
    }
    const server = liveServer(dataDir);
    if (server) return { via: 'server', server, dataDir };
    if (Date.now() > deadline) break;
    if (!told) {
      notify(`The data folder ${dataDir} is in use; waiting for the server there to finish starting…\n`);
      told = true;
    }
    // The holder may finish meanwhile (the next round then takes the lock) or publish its address.
    await sleep(250);
  }
  throw new CliError(
    `The data folder ${dataDir} is in use by another process that is not a running Clearinghouse server ` +
      '(another clearinghouse command, or a server that is still starting).\n' +
      'Wait for it to finish and run this command again, or set DATA_DIR to another folder.',
    exitCodes.busy,
  );
}
