import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Config } from '../../config.ts';
import { checkDumpComplete, dumpDatabase } from '../../db/backup.ts';
import { CliError, exitCodes } from '../cli-error.ts';
import { openDataAccess } from '../data-access.ts';
import { callServer } from '../server-client.ts';
import { writeFileWhole } from '../write-file.ts';
import { postgresBackupAdvice } from './postgres-backup-advice.ts';

/** The backup holds password hashes and sessions: readable by its owner only. */
const backupFileMode = 0o600;

/** Reads the written backup back whole: one cut short (a server stopped mid-way, a full disk) is no backup. */
async function readBackWhole(written: string): Promise<void> {
  try {
    await checkDumpComplete(fs.createReadStream(written));
  } catch (e) {
    throw new CliError(`The backup came out incomplete (${(e as Error).message}); nothing was written. Run the command again.`, exitCodes.software);
  }
}

/**
 * `clearinghouse backup FILE`: a consistent copy of the embedded database (a gzip tarball of
 * its folder), taken through the running server when there is one, so the site keeps serving;
 * otherwise by opening the folder under its lock. On PostgreSQL it says to use pg_dump.
 * @example process.exitCode = await backupCommand(config, 'clearinghouse-2025-06-01.tar.gz');
 */
export async function backupCommand(config: Config, file: string): Promise<number> {
  if (config.DATABASE_URL) throw new CliError(postgresBackupAdvice(config.DATABASE_URL, 'backup', file), exitCodes.usage);
  const started = performance.now();
  const access = await openDataAccess(config, { command: 'backup', whenNew: 'refuse', refusalHint: 'There is nothing to back up here.' });
  try {
    let dump: ReadableStream<Uint8Array>;
    if (access.via === 'server') {
      const res = await callServer(access, '/internal/backup');
      if (!res.body) throw new CliError('The server sent an empty backup.', exitCodes.software);
      dump = res.body;
    } else {
      dump = (await dumpDatabase(access.db)) as ReadableStream<Uint8Array>;
    }
    await writeFileWhole(Readable.fromWeb(dump as NodeReadableStream<Uint8Array>), file, { mode: backupFileMode, verify: readBackWhole }).catch((e: Error) => {
      if (e instanceof CliError) throw e;
      const from = access.via === 'server' ? 'The server stopped sending the backup' : 'The backup failed';
      throw new CliError(`${from} (${e.message}); ${file} was not written.`, exitCodes.software);
    });
  } finally {
    if (access.via === 'database') await access.close();
  }
  const megabytes = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Backed up the embedded database in ${config.dataDir} to ${file} (${megabytes} MB, ${seconds} s).\n`);
  return exitCodes.ok;
}
