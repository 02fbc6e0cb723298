import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { queueDigestNow } from '../../follows/follow-jobs.ts';
import { runQueuedJobs } from '../../jobs/job-worker.ts';
import { createLogger } from '../../shared/logger.ts';
import { CliError, exitCodes } from '../cli-error.ts';
import { openDataAccess } from '../data-access.ts';
import { digestThroughServer } from '../server-client.ts';

/**
 * `clearinghouse digest daily|weekly`: sends the digest now rather than at 06:00 UTC. With a
 * running server (or on PostgreSQL, where the servers' workers share the queue) it is queued
 * for the workers; on an embedded folder no server holds, this command sends it itself.
 * @example process.exitCode = await digestCommand(config, 'weekly');
 */
export async function digestCommand(config: Config, frequency: string | undefined): Promise<number> {
  if (frequency !== 'daily' && frequency !== 'weekly') throw new CliError('Usage: clearinghouse digest daily|weekly', exitCodes.usage);
  const access = await openDataAccess(config, { command: 'digest', whenNew: 'refuse', refusalHint: 'There is nobody to send a digest to yet.' });
  if (access.via === 'server') {
    await digestThroughServer(access, frequency);
    process.stderr.write(`The ${frequency} digest is queued; the server sends it now.\n`);
    return exitCodes.ok;
  }
  try {
    await migrateToLatest(access.db);
    await queueDigestNow(access.db, frequency);
    if (config.DATABASE_URL) {
      process.stderr.write(`The ${frequency} digest is queued; the servers' workers send it.\n`);
      return exitCodes.ok;
    }
    const run = await runQueuedJobs({ db: access.db, config, log: createLogger('warn') });
    process.stderr.write(`The ${frequency} digest is sent (${run.done} jobs done, ${run.retried} to retry, ${run.failed} failed).\n`);
    return run.failed ? exitCodes.software : exitCodes.ok;
  } finally {
    await access.close();
  }
}
