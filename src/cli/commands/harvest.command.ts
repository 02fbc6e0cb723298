import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { findOrCreateSource, findSource } from '../../harvest/harvest.repo.ts';
import { sourceForm } from '../../harvest/harvest.schema.ts';
import { harvestLimits, harvestSourceNow } from '../../harvest/harvest-jobs.ts';
import { formatReport } from '../../harvest/harvest-report.ts';
import { runHarvest } from '../../harvest/run-harvest.command.ts';
import { CliError, exitCodes } from '../cli-error.ts';
import { openDataAccess } from '../data-access.ts';

/**
 * `clearinghouse harvest URL [--format oai|exchange-json] [--set S] [--dry-run]`: harvests a
 * source now (incrementally, as the schedule does) and prints the report; --dry-run says what
 * would change and writes nothing. Exits 65 when records were refused, 69 when the source could not be read.
 * @example process.exitCode = await harvestCommand(config, 'https://other.example/oai', { format: 'oai' });
 */
export async function harvestCommand(config: Config, url: string, options: { format?: string; set?: string; 'dry-run'?: boolean }): Promise<number> {
  const parsed = sourceForm.safeParse({ url, format: options.format ?? 'exchange-json', set: options.set ?? '' });
  if (!parsed.success) {
    throw new CliError('harvest needs an http(s) URL, --format oai or exchange-json, and a set of letters, digits and - _ . : only', exitCodes.usage);
  }
  const key = { url: parsed.data.url, format: parsed.data.format, set: parsed.data.set };
  const access = await openDataAccess(config, { command: 'harvest', whenNew: 'create' });
  if (access.via === 'server') {
    throw new CliError(
      `The running server (process ${access.server.pid}) holds the data folder: add the source on its page /admin/harvest and press "Run now", or stop the server and run this command again.`,
      exitCodes.busy,
    );
  }
  try {
    await migrateToLatest(access.db);
    let report: Awaited<ReturnType<typeof runHarvest>> | undefined;
    if (options['dry-run']) {
      const known = await findSource(access.db, key);
      report = await runHarvest(
        access.db,
        { ...key, id: known?.id, lastSuccessFrom: known?.lastSuccessFrom },
        { dryRun: true, limits: harvestLimits(config), publicUrl: config.publicUrl },
      );
    } else {
      const source = await findOrCreateSource(access.db, key);
      report = await harvestSourceNow(access.db, config, source.id, 'cli');
      if (!report) throw new CliError('This source is being harvested right now (by a server or another command); try again when it is done.', exitCodes.busy);
    }
    process.stdout.write(formatReport(report));
    return !report.ok ? exitCodes.unavailable : report.errors.length > 0 ? exitCodes.dataError : exitCodes.ok;
  } finally {
    await access.close();
  }
}
