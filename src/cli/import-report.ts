import { formatIssues } from '../practices/import/exchange-validate.ts';
import type { ImportSummary } from '../practices/import/import-practices.command.ts';
import { exitCodes } from './cli-error.ts';

/** The closing line of every import. */
export function summaryLine(s: Pick<ImportSummary, 'created' | 'updated' | 'unchanged' | 'failed'>): string {
  return `Summary: created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, failed ${s.failed}`;
}

/**
 * Prints an import's report the same way whether it ran here or through the server: every
 * error with its JSON path (to stderr), what was or was not written, then the summary line.
 * Returns the exit status.
 * @example process.exitCode = printImportReport(summary, { partial: false });
 */
export function printImportReport(summary: ImportSummary, options: { partial: boolean }): number {
  if (summary.issues.length > 0) {
    process.stderr.write(`${formatIssues(summary.issues)}\n`);
    const errors = `${summary.issues.length} ${summary.issues.length === 1 ? 'error' : 'errors'}`;
    if (!summary.written) {
      process.stderr.write(
        options.partial
          ? `${errors}; no valid record to import, nothing was written.\n`
          : `${errors}; nothing was written. Fix the file, or run again with --partial to import the valid records.\n`,
      );
    } else {
      process.stderr.write(`${errors}; the valid records were imported, the ${summary.failed} failed ones were not.\n`);
    }
  }
  process.stdout.write(`${summaryLine(summary)}\n`);
  return summary.failed > 0 ? exitCodes.dataError : exitCodes.ok;
}
