import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { DataDirLockedError, dataDirHolder, lockDataDir, type ServerInfo } from '../db/data-dir-lock.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { CliError, exitCodes } from './cli-error.ts';
import { describePostgres } from './database-name.ts';

/**
 * How a command reaches the data: its own database connection (PostgreSQL, or an embedded
 * folder it now holds), or the running server that holds the embedded folder.
 */
export type DataAccess = { via: 'database'; db: Database; close: () => Promise<void> } | { via: 'server'; server: ServerInfo; dataDir: string };

/** What a command needs from the data. */
export interface AccessOptions {
  /** The command ('import', 'user create'), written in the lock so that others can name the holder. */
  command: string;
  /**
   * When there is no Clearinghouse database yet: 'create' makes a new, empty one and warns;
   * 'refuse' stops before creating anything (status 66), adding `refusalHint`.
   */
  whenNew: 'create' | 'refuse';
  refusalHint?: string;
}

/** Connections a command opens to PostgreSQL: an import's transaction, and a spare so a read beside it never waits for it. */
export const commandPoolSize = 2;

/**
 * How long to wait for the holder of the folder: a server that has not yet said where it
 * listens (it publishes that once migrations and demo data are done), or a command that may
 * finish soon.
 */
const holderWaitMs = { server: 60_000, command: 15_000 };

const say = (message: string) => process.stderr.write(`${message}\n`);

async function tryLock(dataDir: string, command: string): Promise<(() => Promise<void>) | undefined> {
  try {
    return await lockDataDir(dataDir, { role: 'command', command });
  } catch (e) {
    if (e instanceof DataDirLockedError) return undefined;
    throw e;
  }
}

/** The warning, or the refusal, when the command would start a new, empty database. */
function newDatabaseNotice(situation: string, options: AccessOptions, hint: string): void {
  if (options.whenNew === 'create') {
    say(`Warning: ${situation[0].toLowerCase()}${situation.slice(1)}; creating a new, empty one. If your server uses another database, ${hint}.`);
    return;
  }
  throw new CliError(
    `${situation}, so "clearinghouse ${options.command}" would act on a new, empty database that no server uses.\n` +
      `If your server uses another database, ${hint}.${options.refusalHint ? `\n${options.refusalHint}` : ''}`,
    exitCodes.noInput,
  );
}

async function openPostgres(url: string, options: AccessOptions): Promise<DataAccess> {
  const name = describePostgres(url);
  say(`Database: ${name}.`);
  const db = await openDatabase({ kind: 'postgres', url, poolSize: commandPoolSize });
  try {
    const { rows } = await sql<{ found: boolean }>`select to_regclass('schema_migrations') is not null as found`.execute(db);
    if (!rows[0].found)
      newDatabaseNotice(
        `${name[0].toUpperCase()}${name.slice(1)} holds no Clearinghouse database yet`,
        options,
        'set DATABASE_URL as it is set for the server',
      );
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { via: 'database', db, close: () => db.destroy() };
}

/** Opens the embedded folder this command now holds, or refuses to start a new database there. */
async function openHeldFolder(dataDir: string, release: () => Promise<void>, createdFolder: boolean, options: AccessOptions): Promise<DataAccess> {
  try {
    if (!fs.existsSync(path.join(dataDir, 'db', 'PG_VERSION'))) {
      newDatabaseNotice(
        `The data folder ${dataDir} holds no Clearinghouse database yet`,
        options,
        'set DATA_DIR to its data folder (the server logs it at start: "database":"pglite:…")',
      );
    }
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    return {
      via: 'database',
      db,
      close: async () => {
        await db.destroy();
        await release();
      },
    };
  } catch (e) {
    await release();
    // Refused before anything was written: leave no empty folder behind.
    if (createdFolder) {
      try {
        fs.rmdirSync(dataDir);
      } catch {
        // not empty: keep what is there
      }
    }
    throw e;
  }
}

/**
 * Opens the data for a command and says on standard error which database it is. On
 * PostgreSQL it simply connects. On the embedded database it never opens a folder another
 * process holds — PGlite has no lock between processes and a second writer silently loses
 * rows — so it either takes the folder's lock itself (and a server cannot start on it until
 * the command ends) or returns the running server to work through. Taking the lock first,
 * rather than checking, leaves no gap for a server to slip in.
 * @example const access = await openDataAccess(config, { command: 'import', whenNew: 'create' });
 */
export async function openDataAccess(config: Config, options: AccessOptions): Promise<DataAccess> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, options);
  const dataDir = config.dataDir;
  const createdFolder = !fs.existsSync(dataDir);
  const started = Date.now();
  let told = false;
  for (;;) {
    const release = await tryLock(dataDir, options.command);
    if (release) {
      say(`Database: the embedded database in ${dataDir}.`);
      return openHeldFolder(dataDir, release, createdFolder, options);
    }
    const held = dataDirHolder(dataDir);
    if (held?.server) {
      say(`Database: the embedded database in ${dataDir}, through the Clearinghouse server that holds it (process ${held.server.pid}, ${held.server.url}).`);
      return { via: 'server', server: held.server, dataDir };
    }
    if (held && Date.now() - started > holderWaitMs[held.holder?.role ?? 'command']) {
      throw new CliError(
        `The data folder ${dataDir} is in use by ${held.description}.\n` +
          'Wait for it to finish and run this command again, or set DATA_DIR to another folder.',
        exitCodes.busy,
      );
    }
    if (held && !told) {
      say(`The data folder ${dataDir} is in use by ${held.description}; waiting for it${held.holder?.role === 'server' ? ' to finish starting' : ''}…`);
      told = true;
    }
    // The holder may finish meanwhile (the next round then takes the lock) or publish its address.
    await sleep(250);
  }
}

/**
 * Takes the embedded folder for a command that must not work through a server (restore
 * replaces the database a server has open), refusing at once, naming the holder, when a live
 * process holds it.
 * @example const release = await holdDataDir(config.dataDir, 'restore');
 */
export async function holdDataDir(dataDir: string, command: string): Promise<() => Promise<void>> {
  try {
    return await lockDataDir(dataDir, { role: 'command', command });
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    const pid = e.heldBy.holder?.pid ?? e.heldBy.server?.pid;
    throw new CliError(
      `${e.message}\n"clearinghouse ${command}" replaces the database that process has open: stop it first${pid ? ` (kill ${pid})` : ''}, then run this command again.`,
      exitCodes.busy,
    );
  }
}
