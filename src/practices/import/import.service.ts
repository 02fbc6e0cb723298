import { type Database, hasSpareConnections } from '../../db/database.ts';
import { bumpCatalogueVersion } from '../../search/catalogue-version.repo.ts';
import { refreshSearchWords } from '../../search/search-words.repo.ts';
import { contentHash } from '../../shared/text.ts';
import { type PracticeCity, storedContentHashes, upsertPractices } from '../practice.repo.ts';
import type { PracticeRecord } from '../practice.schema.ts';
import { countFailed, type ImportIssue, type ValidatedExchange, validateExchange } from './exchange-validate.ts';
import { type ImportAuditSource, recordImportAudit } from './import-audit.ts';
import { dropStagedVectors, dropStaleStagedVectors, newImportTicket, type StagedVectors, stageSearchVectors } from './import-vectors.repo.ts';

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
 * Stages the search vectors of the records of a batch that differ from what is stored (identical
 * ones are left alone by the upsert, so computing theirs would be wasted), in two halves on two
 * connections.
 */
async function stageVectorsOfChanged(db: Database, ticket: number, batch: PracticeRecord[]): Promise<StagedVectors> {
  const stored = await storedContentHashes(db, batch.map((r) => r.id));
  const changed = batch.filter((r) => {
    const hash = stored.get(r.id);
    return hash === undefined || hash !== contentHash(r);
  });
  const half = Math.ceil(changed.length / 2);
  const parts = await Promise.all([stageSearchVectors(db, ticket, changed.slice(0, half)), stageSearchVectors(db, ticket, changed.slice(half))]);
  return { ticket, ids: new Set([...parts[0], ...parts[1]]) };
}

/**
 * Imports an exchange document (its text, or its validation's result) with the semantics of shared/exchange-format.md: validate the
 * whole file first; on any error write nothing unless `partial`; upsert by id in one
 * transaction; identical records stay unchanged and add no revision.
 * @example const summary = await importExchange(db, text, { author: 'cli', source: 'practices.json' });
 */
export async function importExchange(db: Database, input: string | ValidatedExchange, options: ImportOptions): Promise<ImportSummary> {
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
  // On PostgreSQL the next batch's search vectors are computed on other connections (other
  // cores) while this transaction writes the current one.
  const ahead = hasSpareConnections(db) && batches.length > 1;
  const ticket = newImportTicket();
  const vectorsFor = (batch: PracticeRecord[] | undefined) => {
    if (!ahead || !batch) return Promise.resolve(undefined);
    const pending = stageVectorsOfChanged(db, ticket, batch);
    pending.catch(() => {}); // awaited, and so rethrown, when its batch is written
    return pending;
  };
  if (ahead) await dropStaleStagedVectors(db);

  let next = vectorsFor(batches[0]);
  try {
    await db.transaction().execute(async (trx) => {
      const change = { author: options.author, authorId: options.authorId ?? null, kind: 'import' as const, message: `import ${options.source}` };
      const citiesEnsured = new Map<string, PracticeCity>();
      let done = 0;
      for (let b = 0; b < batches.length; b++) {
        options.signal?.throwIfAborted();
        const staged = await next;
        next = vectorsFor(batches[b + 1]);
        const outcomes = await upsertPractices(trx, batches[b], change, citiesEnsured, staged);
        for (const outcome of outcomes) {
          // As when records were written one by one: an abort stops before the next record counts.
          if (done > 0) options.signal?.throwIfAborted();
          summary[outcome] += 1;
          done += 1;
          options.onProgress?.(done, records.length);
        }
      }
      if (summary.created + summary.updated > 0) {
        await refreshSearchWords(trx);
        await bumpCatalogueVersion(trx);
      }
      // Recorded with the writes it describes: both commit, or neither.
      await recordImportAudit(trx, summary, { source: options.source, via: options.via ?? 'cli', partial: !!options.partial, actorUserId: options.authorId ?? null, ip: options.ip ?? null });
    });
  } finally {
    if (ahead) {
      // A batch still being staged when the transaction failed must finish before its rows go.
      await next.catch(() => undefined);
      await dropStagedVectors(db, ticket);
    }
  }
  summary.written = true;
  return summary;
}
