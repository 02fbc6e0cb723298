import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Config } from '../../config.ts';
import { checkDumpComplete, databaseSummary, loadDump, looksLikeDump } from '../../db/backup.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { CliError, exitCodes } from '../cli-error.ts';
import { holdDataDir } from '../data-access.ts';
import { postgresBackupAdvice } from './postgres-backup-advice.ts';

function readBackup(file: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, exitCodes.noInput);
  }
  if (!looksLikeDump(bytes))
    throw new CliError(`${file} is not a backup made by "clearinghouse backup" (a .tar.gz file). Nothing was changed.`, exitCodes.dataError);
  return bytes;
}

/**
 * Unpacks the backup beside the live database and checks it there: it must open and take
 * every migration of this version. Returns what it holds; on failure removes it again.
 */
async function stageRestore(file: string, bytes: Buffer, staging: string) {
  try {
    await checkDumpComplete(Readable.from([bytes]));
    await loadDump(staging, new Blob([new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length)]));
    const db = await openDatabase({ kind: 'pglite', dataDir: staging });
    try {
      const migrated = await migrateToLatest(db);
      return { ...(await databaseSummary(db)), migrated };
    } finally {
      await db.destroy();
    }
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new CliError(`${file} does not restore (${(e as Error).message}). Nothing was changed.`, exitCodes.dataError);
  }
}

/**
 * `clearinghouse restore FILE`: replaces the embedded database with a backup. Refuses while a
 * server or another command holds the folder; unpacks and checks the backup before touching
 * the live database, which it then keeps aside, renamed, rather than deleting it.
 * @example process.exitCode = await restoreCommand(config, 'clearinghouse-2025-06-01.tar.gz');
 */
export async function restoreCommand(config: Config, file: string): Promise<number> {
  if (config.DATABASE_URL) throw new CliError(postgresBackupAdvice(config.DATABASE_URL, 'restore', file), exitCodes.usage);
  const bytes = readBackup(file);
  const dataDir = config.dataDir;
  process.stderr.write(`Database: the embedded database in ${dataDir}.\n`);
  const release = await holdDataDir(dataDir, 'restore');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let aside: string | undefined;
  let restored: Awaited<ReturnType<typeof stageRestore>>;
  try {
    // Left by a restore that was interrupted: never a live database.
    for (const name of fs.readdirSync(dataDir)) if (name.startsWith('db.restoring-')) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    const staging = path.join(dataDir, `db.restoring-${stamp}`);
    restored = await stageRestore(file, bytes, staging);
    const live = path.join(dataDir, 'db');
    if (fs.existsSync(live)) {
      aside = path.join(dataDir, `db.before-restore-${stamp}`);
      fs.renameSync(live, aside);
    }
    fs.renameSync(staging, live);
  } finally {
    await release();
  }
  const { practices, accounts, submissions, migrated } = restored;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  process.stdout.write(
    `Restored ${file} into ${dataDir}: ${count(practices, 'practice')}, ${count(accounts, 'account')}, ${count(submissions, 'submission')}` +
      `${migrated.length ? `; brought up to date with ${migrated.length} migration(s)` : ''}.\n`,
  );
  if (aside) process.stdout.write(`The database it replaced is kept in ${aside}; delete that folder once you no longer need it.\n`);
  return exitCodes.ok;
}
