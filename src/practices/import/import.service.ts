import { type Database, hasSpareConnections } from '../../db/database.ts';
import { bumpCatalogueVersion } from '../../search/catalogue-version.repo.ts';
import { addStagedSearchWords, refreshSearchWords } from '../../search/search-words.repo.ts';
import { type PracticeCity, upsertPractices } from '../practice.repo.ts';
import type { PracticeRecord } from '../practice.schema.ts';
import { countFailed, type ImportIssue, type ValidatedExchange, validateExchange } from './exchange-validate.ts';
import { type ImportAuditSource, recordImportAudit } from './import-audit.ts';
import { dropStaleStagedVectors } from './import-vectors.repo.ts';
import { VectorStager } from './vector-stager.ts';

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
  source: string;
  onProgress?: (done: number, total: number) => void;
  /** Aborting rolls the whole import back (e.g. the CLI that asked for it was interrupted). */
  signal?: AbortSignal;
  /** Where the import came from, for its audit entry (written in the import's transaction). */
  via?: ImportAuditSource['via'];
  ip?: string | null;
}

/**
 * Imports an exchange document (its text, or its validation's result) with the semantics of shared/exchange-format.md: validate the
 * whole file first; on any error write nothing unless `partial`; upsert by id in one
 * transaction; identical records stay unchanged and add no revision.
 * @example const summary = await importExchange(db, text, { author: 'cli', source: 'practices.json' });
 */
export async function importExchange(db: Database, input: string | ValidatedExchange, options: ImportOptions): Promise<ImportSummary> {
  // On PostgreSQL the search vectors are computed on other connections (other cores),
  // alongside the writing transaction.
  const stager = hasSpareConnections(db) ? new VectorStager(db) : undefined;
  try {
    return await validateAndWrite(db, input, options, stager);
  } finally {
    await stager?.close();
  }
}

/** The import itself: validate, then write in one transaction, with the stager's vectors where there is one. */
async function validateAndWrite(db: Database, input: string | ValidatedExchange, options: ImportOptions, stager: VectorStager | undefined): Promise<ImportSummary> {
  // A caller that has validated the file already (the command line, before it opens the
  // database) passes the result: validating 100k records again took 7 s.
  const validated = typeof input === 'string' ? validateExchange(input) : input;
  const { records, issues } = validated;
  const failed = countFailed(validated);
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, failed, issues, written: false };
  if (issues.length > 0 && !options.partial) return summary;
  // A partial import with no valid record has nothing to write, and must not claim it wrote.
  if (records.length === 0) {
    summary.written = issues.length === 0;
    return summary;
  }

  const batches: PracticeRecord[][] = [];
  for (let start = 0; start < records.length; start += importBatchSize) batches.push(records.slice(start, start + importBatchSize));
  // A single batch is written with its vectors computed in the statement: staging first would only add a round trip.
  const staging = stager && batches.length > 1 ? stager : undefined;
  if (staging) {
    await dropStaleStagedVectors(db);
    staging.stage(records);
  }

  await db.transaction().execute(async (trx) => {
    const change = { author: options.author, authorId: options.authorId ?? null, kind: 'import' as const, message: `import ${options.source}` };
    const citiesEnsured = new Map<string, PracticeCity>();
    let done = 0;
    for (const batch of batches) {
      options.signal?.throwIfAborted();
      const staged = await staging?.ready(batch);
      const outcomes = await upsertPractices(trx, batch, change, citiesEnsured, staged);
      for (const outcome of outcomes) {
        // As when records were written one by one: an abort stops before the next record counts.
        if (done > 0) options.signal?.throwIfAborted();
        summary[outcome] += 1;
        done += 1;
        options.onProgress?.(done, records.length);
      }
    }
    if (summary.created + summary.updated > 0) {
      // New practices add their staged words; a changed one's old words must go, so any change rebuilds.
      if (staging && summary.updated === 0 && staging.stagedCount === summary.created) await addStagedSearchWords(trx, staging.ticket);
      else await refreshSearchWords(trx);
      await bumpCatalogueVersion(trx);
    }
    // Recorded with the writes it describes: both commit, or neither.
    await recordImportAudit(trx, summary, { source: options.source, via: options.via ?? 'cli', partial: !!options.partial, actorUserId: options.authorId ?? null, ip: options.ip ?? null });
  });
  summary.written = true;
  return summary;
}
