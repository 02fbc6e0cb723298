import type { Database } from '../db/database.ts';
import { validateExchange } from '../practices/import/exchange-validate.ts';
import { importPractices } from '../practices/import/import-practices.command.ts';
import { practiceRow } from '../practices/practice.repo.ts';
import { type FetchLimits, FetchProblem } from '../shared/bounded-fetch.ts';
import { contentHash } from '../shared/text.ts';
import { readExchangeSource } from './exchange-source.ts';
import { mappingsOf, markDeleted, recordRun, type SourceKey, saveFingerprints, saveMappings, siblingMappings, storedHashes, takenIds } from './harvest.repo.ts';
import { type HarvestItem, HarvestProblem } from './harvest-item.ts';
import { freeId, localIdInSources, wantedId } from './harvest-match.ts';
import { type HarvestReport, newReport } from './harvest-report.ts';
import { readOaiSource } from './oai-client.ts';

/** How a harvest runs. */
export interface HarvestOptions {
  /** Report what would change, writing nothing (no run is stored either). */
  dryRun?: boolean;
  limits: FetchLimits;
  /** This platform's public URL: a record linking to one of its practice pages is that practice. */
  publicUrl: string;
  /** Who the revisions name. */
  author?: string;
  via?: 'cli' | 'harvest';
}

/** A record to write: its practice, with what the mapping keeps. */
interface Candidate {
  item: HarvestItem;
  practiceId: string;
  fingerprint: string;
  record: Record<string, unknown>;
}

/** Reads every record of the source, or throws a FetchProblem / HarvestProblem naming why not. */
async function readSource(source: SourceKey, from: Date | undefined, limits: FetchLimits): Promise<HarvestItem[]> {
  if (source.format === 'exchange-json') return readExchangeSource({ ...source, limits });
  return (await readOaiSource({ ...source, from, limits })).items;
}

/**
 * Matches the fetched records to practices: the one each became before (same source and original
 * id, or the same original id from another source of the same site); none for a record that
 * originates here (its id is a practice no source brought, or it links to a practice page of
 * this platform), which is never duplicated nor overwritten; else a free id. Records unchanged
 * since the last run are counted and left.
 */
async function matchRecords(db: Database, source: { id?: string; url: string }, items: HarvestItem[], publicUrl: string, report: HarvestReport) {
  const mapped = source.id ? await mappingsOf(db, source.id) : new Map<string, { practiceId: string; fingerprint: string | null }>();
  const fresh = items.filter((i) => i.record && !i.deleted && !mapped.has(i.originalId));
  const adopted = await siblingMappings(
    db,
    source,
    fresh.map((i) => i.originalId),
  );
  const wanted = fresh.map((i) => wantedId(i));
  const local = fresh.map((i) => localIdInSources(i.record, publicUrl)).filter((id): id is string => id !== undefined);
  const taken = await takenIds(db, [...wanted, ...local]);
  const chosen = new Set<string>();
  const candidates: Candidate[] = [];
  const deleted: string[] = [];
  for (const item of items) {
    if (item.problem) {
      report.errors.push({ location: item.location, message: item.problem });
      continue;
    }
    const mapping = mapped.get(item.originalId);
    if (item.deleted) {
      if (mapping) deleted.push(item.originalId);
      continue;
    }
    const record = item.record as Record<string, unknown>;
    const fingerprint = contentHash(record);
    if (mapping?.fingerprint === fingerprint) {
      report.unchanged += 1;
      continue;
    }
    let practiceId = mapping?.practiceId ?? adopted.get(item.originalId);
    if (!practiceId) {
      const id = wantedId(item);
      const linked = localIdInSources(record, publicUrl);
      const origin = linked && taken.practices.has(linked) ? linked : taken.practices.has(id) && !taken.harvested.has(id) ? id : undefined;
      if (origin) {
        report.unchanged += 1;
        report.notes.push(`${item.location} is the practice "${origin}" of this platform: left as it is`);
        continue;
      }
      practiceId = freeId(id, (x) => taken.practices.has(x) || taken.harvested.has(x) || chosen.has(x));
      chosen.add(practiceId);
    }
    // A contact names an organisation or a person of the source's directory, not of this one.
    const { contact: _contact, ...rest } = record;
    candidates.push({ item, practiceId, fingerprint, record: { ...rest, id: practiceId } });
  }
  return { candidates, deleted };
}

/** Counts what a dry run would do, from the stored content hashes. */
async function countDry(db: Database, valid: { id: string }[], records: Map<string, unknown>, report: HarvestReport): Promise<void> {
  const stored = await storedHashes(
    db,
    valid.map((r) => r.id),
  );
  for (const r of valid) {
    const hash = stored.get(r.id);
    if (hash === undefined) report.created += 1;
    else if (hash === practiceRow(records.get(r.id) as Parameters<typeof practiceRow>[0]).columns.content_hash) report.unchanged += 1;
    else report.updated += 1;
  }
}

/**
 * Harvests one source: reads it (incrementally: OAI-PMH `from` the start of the last successful
 * run; unchanged records skipped by fingerprint), matches records to practices, validates them
 * as the import does and writes the valid ones through the import (a revision each, the catalogue
 * version moved by the database). Invalid records are reported with their location and reason
 * and do not stop the others; a source that cannot be read writes nothing. Stores the run's
 * report unless it is a dry run. `source.id` is absent only for a dry run of an unknown source.
 * @example const report = await runHarvest(db, source, { limits, publicUrl: config.publicUrl });
 */
export async function runHarvest(
  db: Database,
  source: SourceKey & { id?: string; lastSuccessFrom?: Date | null },
  options: HarvestOptions,
): Promise<HarvestReport> {
  const startedAt = new Date();
  const from = source.format === 'oai' ? (source.lastSuccessFrom ?? undefined) : undefined;
  const report = newReport(source, startedAt, !!options.dryRun, from);
  let items: HarvestItem[];
  try {
    items = await readSource(source, from, options.limits);
  } catch (e) {
    if (!(e instanceof FetchProblem || e instanceof HarvestProblem)) throw e;
    report.ok = false;
    report.errors.push({ location: source.url, message: e.message });
    if (source.id && !options.dryRun) await recordRun(db, source.id, startedAt, false, report);
    return report;
  }
  report.fetched = items.length;
  const { candidates, deleted } = await matchRecords(db, source, items, options.publicUrl, report);
  const validated = validateExchange(JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices: candidates.map((c) => c.record) }));
  for (const issue of validated.issues) {
    const index = Number(/^practices\[(\d+)\]/.exec(issue.path)?.[1]);
    const item = candidates[index]?.item;
    const path = item ? issue.path.replace(/^practices\[\d+\]\.?/, '') : issue.path;
    report.errors.push({ location: item ? item.location : 'source', message: `${path || 'record'}: ${issue.message}` });
  }
  const valid = candidates.filter((_c, i) => !validated.invalidIndexes.has(i));
  if (options.dryRun || !source.id) {
    report.deleted = deleted.length;
    await countDry(db, validated.records, new Map(validated.records.map((r) => [r.id, r])), report);
    return report;
  }
  await writeHarvest(db, source.id, valid, validated, deleted, options, report);
  await recordRun(db, source.id, startedAt, true, report);
  return report;
}

/** Writes the valid records through the import, then what the mapping keeps of them. */
async function writeHarvest(
  db: Database,
  sourceId: string,
  valid: Candidate[],
  validated: ReturnType<typeof validateExchange>,
  deleted: string[],
  options: HarvestOptions,
  report: HarvestReport,
): Promise<void> {
  if (valid.length > 0) {
    // The mapping first: a run stopped after it and before the import finds the same practice ids next time.
    await saveMappings(
      db,
      sourceId,
      valid.map((c) => ({ originalId: c.item.originalId, practiceId: c.practiceId })),
    );
    const summary = await importPractices(
      db,
      { ...validated, issues: [] },
      {
        partial: true,
        author: options.author ?? 'harvest',
        source: report.url,
        via: options.via ?? 'harvest',
      },
    );
    report.created += summary.created;
    report.updated += summary.updated;
    report.unchanged += summary.unchanged;
    await saveFingerprints(
      db,
      sourceId,
      valid.map((c) => ({ originalId: c.item.originalId, fingerprint: c.fingerprint })),
    );
  }
  const kept = await markDeleted(db, sourceId, deleted);
  report.deleted = kept.length;
  // Practices have no withdrawn state (only published ones live in `practices`): they stay, and editors read why here.
  for (const id of kept) report.notes.push(`the source deleted the record of practice "${id}"; the practice is kept (no withdrawn state here)`);
}
