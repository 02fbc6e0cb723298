import type { ImportSummary } from '../practices/import/import-practices.command.ts';

/**
 * One line of the answer to POST /internal/import (newline-delimited JSON): progress while
 * records are written, then the summary, or an error if the server failed and rolled back.
 * Streaming lets the CLI draw the same progress bar as a local import.
 */
export type AdminImportEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'error'; message: string };

/** Media type of the import event stream. */
export const importEventsMediaType = 'application/x-ndjson; charset=utf-8';
