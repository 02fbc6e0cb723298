import type { Database } from '../../db/database.ts';
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../../security/authorize.ts';
import { isAdmin } from '../../security/roles.ts';
import type { PracticeCity } from '../practice.repo.ts';
import type { PracticeRecord } from '../practice.schema.ts';
import { checkContacts } from './contact-check.ts';
import { countFailed, type ImportIssue, type ValidatedExchange, validateExchange } from './exchange-validate.ts';
import { type ImportAuditSource, recordImportAudit } from './import-audit.ts';
import { upsertPracticeBatch } from './practice-batch.repo.ts';

/** Records written per round of multi-row statements. */
const importBatchSize = 250;

/** What an import did, as the CLI and the admin page report it. */
export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  issues: ImportIssue[];
  /** False when validation failed and nothing was written. */
  written: boolean;
}

/** Options of an import: partial imports write the valid records even when others fail. */
export interface ImportOptions {
  partial?: boolean;
  author: string;
  /** The importing account, recorded on each revision; none for the command line. */
  authorId?: number;
  /** The signed-in admin importing from the browser, whose role is checked; none for the command line. */
  actor?: NonNullable<Actor>;
  source: string;
  onProgress?: (done: number, total: number) => void;
  /** Aborting rolls the whole import back (e.g. the CLI that asked for it was interrupted). */
  signal?: AbortSignal;
  /** Where the import came from, for its audit entry (written in the import's transaction). */
  via?: ImportAuditSource['via'];
  ip?: string | null;
}

/**
 * Imports an exchange document (its text, or its validation's result) with the semantics of
 * shared/exchange-format.md: validate the whole file first; on any error write nothing unless
 * `partial`; upsert by id in one transaction, batch by batch; identical records stay unchanged
 * and add no revision. The import's audit entry commits with its writes; the database moves the
 * catalogue version on with the rows. An admin importing from the browser is checked here; the
 * command line (no account) is the operator's own.
 * @example const summary = await importPractices(db, text, { author: 'cli', source: 'practices.json' });
 */
export async function importPractices(db: Database, input: string | ValidatedExchange, options: ImportOptions): Promise<ImportSummary> {
  if (options.actor && !isAdmin(options.actor)) throw forbidden();
  // A caller that has validated the file already (the command line, before it opens the
  // database) passes the result, so 100k records are not validated twice (seconds of CPU).
  const validated = await checkContacts(db, typeof input === 'string' ? validateExchange(input) : input);
  const { records, issues } = validated;
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, failed: countFailed(validated), issues, written: false };
  if (issues.length > 0 && !options.partial) return summary;
  // A partial import with no valid record has nothing to write, and must not claim it wrote.
  if (records.length === 0) {
    summary.written = issues.length === 0;
    return summary;
  }
  await db.transaction().execute(async (trx) => {
    await writeBatches(trx, records, options, summary);
    // Recorded with the writes it describes: both commit, or neither.
    await recordImportAudit(trx, summary, {
      source: options.source,
      via: options.via ?? 'cli',
      partial: !!options.partial,
      actorUserId: options.authorId ?? null,
      ip: options.ip ?? null,
    });
  });
  summary.written = true;
  return summary;
}

/** Writes the records batch by batch in the import's transaction, counting outcomes into `summary`. */
async function writeBatches(trx: Database, records: PracticeRecord[], options: ImportOptions, summary: ImportSummary): Promise<void> {
  const change = { author: options.author, authorId: options.authorId ?? null, kind: 'import' as const, message: `import ${options.source}` };
  const citiesEnsured = new Map<string, PracticeCity>();
  let done = 0;
  for (let start = 0; start < records.length; start += importBatchSize) {
    options.signal?.throwIfAborted();
    const outcomes = await upsertPracticeBatch(trx, records.slice(start, start + importBatchSize), change, citiesEnsured);
    for (const outcome of outcomes) {
      // An abort stops before the next record counts: the summary never counts what was rolled back.
      if (done > 0) options.signal?.throwIfAborted();
      summary[outcome] += 1;
      done += 1;
      options.onProgress?.(done, records.length);
    }
  }
}
