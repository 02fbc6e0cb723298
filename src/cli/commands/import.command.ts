import path from 'node:path';
import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { countFailed, validateExchange } from '../../practices/import/exchange-validate.ts';
import { type ImportSummary, importPractices } from '../../practices/import/import-practices.command.ts';
import { importingUser, readInput } from '../command-input.ts';
import { openDataAccess } from '../data-access.ts';
import { printImportReport } from '../import-report.ts';
import { importProgress } from '../progress.ts';
import { importThroughServer } from '../server-client.ts';

/**
 * `clearinghouse import FILE [--partial]`: validates the whole file first and, on any error
 * without --partial, prints every error and stops before touching the data; otherwise upserts
 * by id, here or through the running server, with a progress bar on a terminal.
 * @example process.exitCode = await importCommand(config, 'practices.json', { partial: false });
 */
export async function importCommand(config: Config, file: string, options: { partial: boolean }): Promise<number> {
  const text = await readInput(file);
  // Checking first means a bad file never needs the database, the lock or the server.
  const validated = validateExchange(text);
  if (validated.issues.length > 0 && !options.partial) {
    const failed = countFailed(validated);
    return printImportReport({ created: 0, updated: 0, unchanged: 0, failed, issues: validated.issues, written: false }, options);
  }

  const source = file === '-' ? 'stdin' : path.basename(file);
  const author = importingUser();
  const progress = importProgress(process.stdout.isTTY === true);
  const access = await openDataAccess(config, { command: 'import', whenNew: 'create' });
  let summary: ImportSummary;
  try {
    if (access.via === 'server') {
      summary = await importThroughServer(access, text, { ...options, source, author, onProgress: progress.update });
    } else {
      await migrateToLatest(access.db);
      summary = await importPractices(access.db, validated, { ...options, source, author, onProgress: progress.update, via: 'cli' });
    }
  } finally {
    progress.stop();
    if (access.via === 'database') await access.close();
  }
  return printImportReport(summary, options);
}
