import path from 'node:path';
import { type FiguresImportSummary, importFigures } from '../../cities/figures-import.ts';
import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { exitCodes } from '../cli-error.ts';
import { importingUser, readInput } from '../command-input.ts';
import { openDataAccess } from '../data-access.ts';
import { summaryLine } from '../import-report.ts';
import { figuresThroughServer } from '../server-client.ts';

/** Prints every problem with its line and column, what was or was not written, and the summary line; returns the exit status. */
function printFiguresReport(summary: FiguresImportSummary, partial: boolean): number {
  for (const i of summary.issues) process.stderr.write(`line ${i.line}${i.column ? `, column ${i.column}` : ''}: ${i.message}\n`);
  if (summary.issues.length > 0) {
    const errors = `${summary.issues.length} ${summary.issues.length === 1 ? 'error' : 'errors'}`;
    process.stderr.write(
      summary.written
        ? `${errors}; the valid lines were recorded, the ${summary.failed} failed ones were not.\n`
        : `${errors}; nothing was written. Fix the file${partial ? '' : ', or run again with --partial to record the valid lines'}.\n`,
    );
  }
  process.stdout.write(`${summaryLine(summary)}\n`);
  return summary.issues.length > 0 ? exitCodes.dataError : exitCodes.ok;
}

/**
 * `clearinghouse figures FILE [--partial]`: records city and country figures from a CSV file
 * (see `figureColumns`), here or through the running server. Every problem is printed
 * with its line and column; on any, nothing is written unless --partial asks for the valid lines.
 * @example process.exitCode = await figuresCommand(config, 'figures.csv', { partial: false });
 */
export async function figuresCommand(config: Config, file: string, options: { partial: boolean }): Promise<number> {
  const text = await readInput(file);
  const source = file === '-' ? 'stdin' : path.basename(file);
  const author = importingUser();
  const access = await openDataAccess(config, { command: 'figures', whenNew: 'refuse' });
  if (access.via === 'server') return printFiguresReport(await figuresThroughServer(access, text, { ...options, source, author }), options.partial);
  try {
    await migrateToLatest(access.db);
    return printFiguresReport(await importFigures(access.db, text, { ...options, source, author: { name: author, userId: null } }), options.partial);
  } finally {
    await access.close();
  }
}
