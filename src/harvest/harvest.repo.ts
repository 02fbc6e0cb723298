import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { chunkByParams } from '../db/param-chunks.ts';
import type { HarvestFormat, HarvestSchedule } from '../db/schema.ts';

/** A harvest source as the pages and the runs see it. */
export interface HarvestSource {
  id: string;
  url: string;
  format: HarvestFormat;
  set: string;
  schedule: HarvestSchedule;
  enabled: boolean;
  lastSuccessFrom: Date | null;
}

/** A source with its latest run, for the admin page. */
export interface HarvestSourceWithRun extends HarvestSource {
  lastRun: { startedAt: Date; ok: boolean; report: unknown } | null;
}

/** What identifies a source: its URL, format and set. */
export interface SourceKey {
  url: string;
  format: HarvestFormat;
  set: string;
}

/** A source's editable settings. */
export interface SourceSettings extends SourceKey {
  schedule: HarvestSchedule;
  enabled: boolean;
}

const sourceColumns = ['id', 'url', 'format', 'set_spec', 'schedule', 'enabled', 'last_success_from'] as const;

function toSource(r: {
  id: string;
  url: string;
  format: HarvestFormat;
  set_spec: string;
  schedule: HarvestSchedule;
  enabled: boolean;
  last_success_from: Date | null;
}): HarvestSource {
  return {
    id: String(r.id),
    url: r.url,
    format: r.format,
    set: r.set_spec,
    schedule: r.schedule,
    enabled: r.enabled,
    lastSuccessFrom: r.last_success_from,
  };
}

/** The source of this URL, format and set, if any. */
export async function findSource(db: Database, key: SourceKey): Promise<HarvestSource | undefined> {
  const row = await db
    .selectFrom('harvest_sources')
    .select(sourceColumns)
    .where('url', '=', key.url)
    .where('format', '=', key.format)
    .where('set_spec', '=', key.set)
    .executeTakeFirst();
  return row && toSource(row);
}

/** A source by id. */
export async function getSource(db: Database, id: string): Promise<HarvestSource | undefined> {
  const row = await db.selectFrom('harvest_sources').select(sourceColumns).where('id', '=', id).executeTakeFirst();
  return row && toSource(row);
}

/**
 * The source of this key, created (not scheduled) when the command line names a new one.
 * @example const source = await findOrCreateSource(db, { url, format: 'oai', set: '' });
 */
export async function findOrCreateSource(db: Database, key: SourceKey): Promise<HarvestSource> {
  await db
    .insertInto('harvest_sources')
    .values({ url: key.url, format: key.format, set_spec: key.set, enabled: false })
    .onConflict((oc) => oc.columns(['url', 'format', 'set_spec']).doNothing())
    .execute();
  return (await findSource(db, key)) as HarvestSource;
}

/** Adds a source; undefined when one with the same URL, format and set exists. */
export async function insertSource(db: Database, s: SourceSettings): Promise<string | undefined> {
  const row = await db
    .insertInto('harvest_sources')
    .values({ url: s.url, format: s.format, set_spec: s.set, schedule: s.schedule, enabled: s.enabled })
    .onConflict((oc) => oc.columns(['url', 'format', 'set_spec']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row && String(row.id);
}

/** Changes a source's settings; false when it does not exist or would repeat another source. */
export async function updateSource(db: Database, id: string, s: SourceSettings): Promise<boolean> {
  const clash = await db
    .selectFrom('harvest_sources')
    .select('id')
    .where('url', '=', s.url)
    .where('format', '=', s.format)
    .where('set_spec', '=', s.set)
    .where('id', '<>', id)
    .executeTakeFirst();
  if (clash) return false;
  const res = await db
    .updateTable('harvest_sources')
    .set({ url: s.url, format: s.format, set_spec: s.set, schedule: s.schedule, enabled: s.enabled, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Every source with its latest run, newest first: two statements, whatever the number of sources. */
export async function listSources(db: Database): Promise<HarvestSourceWithRun[]> {
  const rows = await db.selectFrom('harvest_sources').select(sourceColumns).orderBy('id', 'desc').execute();
  if (rows.length === 0) return [];
  const runs = await db
    .selectFrom('harvest_runs')
    .select(['source_id', 'started_at', 'ok', 'report'])
    .distinctOn('source_id')
    .orderBy('source_id')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map(runs.map((r) => [String(r.source_id), { startedAt: r.started_at, ok: r.ok, report: r.report }]));
  return rows.map((r) => ({ ...toSource(r), lastRun: latest.get(String(r.id)) ?? null }));
}

/** Enabled sources, for the schedule. */
export async function enabledSources(db: Database): Promise<HarvestSource[]> {
  return (await db.selectFrom('harvest_sources').select(sourceColumns).where('enabled', '=', true).execute()).map(toSource);
}

/**
 * Takes a source's lease: true when no other run holds it (or its holder's lease ran out), so
 * two instances never harvest one source at once.
 * @example if (!(await claimSource(db, id, 3600))) return; // another instance is on it
 */
export async function claimSource(db: Database, id: string, leaseSeconds: number): Promise<boolean> {
  const res = await db
    .updateTable('harvest_sources')
    .set({ running_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('running_until', 'is', null), eb('running_until', '<', sql<Date>`now()`)]))
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Gives the lease back; a successful run also moves `from` of the next run to its start. */
export async function releaseSource(db: Database, id: string, successFrom?: Date): Promise<void> {
  await db
    .updateTable('harvest_sources')
    .set({ running_until: null, ...(successFrom ? { last_success_from: successFrom } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Stores one run's report. */
export async function recordRun(db: Database, sourceId: string, startedAt: Date, ok: boolean, report: unknown): Promise<void> {
  await db
    .insertInto('harvest_runs')
    .values({ source_id: sourceId, started_at: startedAt, ok, report: JSON.stringify(report) })
    .execute();
}

/** The practice and last fingerprint of each record of a source, by original id. */
export async function mappingsOf(db: Database, sourceId: string): Promise<Map<string, { practiceId: string; fingerprint: string | null }>> {
  const rows = await db.selectFrom('harvest_records').select(['original_id', 'practice_id', 'fingerprint']).where('source_id', '=', sourceId).execute();
  return new Map(rows.map((r) => [r.original_id, { practiceId: r.practice_id, fingerprint: r.fingerprint }]));
}

/**
 * The practices that other sources of the same site (URL origin: the same platform's exchange
 * JSON and OAI-PMH) made of these original ids, so a second way in to one platform adopts its
 * practices instead of copying them.
 * @example const adopted = await siblingMappings(db, { url, id }, ['ghent-cafe']);
 */
export async function siblingMappings(db: Database, source: { url: string; id?: string }, originalIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (originalIds.length === 0) return out;
  const origin = new URL(source.url).origin;
  const others = await db.selectFrom('harvest_sources').select(['id', 'url']).execute();
  const siblings = others.filter((s) => String(s.id) !== source.id && URL.canParse(s.url) && new URL(s.url).origin === origin).map((s) => String(s.id));
  if (siblings.length === 0) return out;
  for (const chunk of chunkByParams([...new Set(originalIds)], () => 1)) {
    const rows = await db
      .selectFrom('harvest_records')
      .select(['original_id', 'practice_id'])
      .where('source_id', '=', sql<string>`ANY(${sql.val(siblings)}::bigint[])`)
      .where('original_id', '=', sql<string>`ANY(${sql.val(chunk)}::text[])`)
      .orderBy('source_id')
      .execute();
    for (const r of rows) if (!out.has(r.original_id)) out.set(r.original_id, r.practice_id);
  }
  return out;
}

/** Which of these practice ids are taken: by a practice, or by a harvested record of any source. */
export async function takenIds(db: Database, ids: string[]): Promise<{ practices: Set<string>; harvested: Set<string> }> {
  const practices = new Set<string>();
  const harvested = new Set<string>();
  for (const chunk of chunkByParams([...new Set(ids)], () => 1)) {
    const list = sql<string>`ANY(${sql.val(chunk)}::text[])`;
    for (const r of await db.selectFrom('practices').select('id').where('id', '=', list).execute()) practices.add(r.id);
    for (const r of await db.selectFrom('harvest_records').select('practice_id').where('practice_id', '=', list).execute()) harvested.add(r.practice_id);
  }
  return { practices, harvested };
}

/** The stored content hash of each of these practices that exists (for a dry run's counts). */
export async function storedHashes(db: Database, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const chunk of chunkByParams(ids, () => 1)) {
    const rows = await db
      .selectFrom('practices')
      .select(['id', 'content_hash'])
      .where('id', '=', sql<string>`ANY(${sql.val(chunk)}::text[])`)
      .execute();
    for (const r of rows) out.set(r.id, r.content_hash);
  }
  return out;
}

/** Records which practice each original id becomes (kept when known), before the practices are written. */
export async function saveMappings(db: Database, sourceId: string, rows: { originalId: string; practiceId: string }[]): Promise<void> {
  for (const chunk of chunkByParams(rows, () => 3)) {
    await db
      .insertInto('harvest_records')
      .values(chunk.map((r) => ({ source_id: sourceId, original_id: r.originalId, practice_id: r.practiceId })))
      .onConflict((oc) => oc.columns(['source_id', 'original_id']).doNothing())
      .execute();
  }
}

/** Remembers the fingerprints of records just written, so the same record is skipped next time. */
export async function saveFingerprints(db: Database, sourceId: string, rows: { originalId: string; fingerprint: string }[]): Promise<void> {
  if (rows.length === 0) return;
  // One JSON parameter carries every pair, however many records the run wrote.
  const pairs = JSON.stringify(rows.map((r) => ({ original_id: r.originalId, fingerprint: r.fingerprint })));
  await sql`UPDATE harvest_records h SET fingerprint = v.fingerprint, seen_at = now(), deleted_at = NULL
    FROM jsonb_to_recordset(${pairs}::jsonb) AS v(original_id text, fingerprint text)
    WHERE h.source_id = ${sourceId} AND h.original_id = v.original_id`.execute(db);
}

/** Notes that the source deleted these records; returns the practices they had become. */
export async function markDeleted(db: Database, sourceId: string, originalIds: string[]): Promise<string[]> {
  if (originalIds.length === 0) return [];
  const rows = await db
    .updateTable('harvest_records')
    .set({ deleted_at: new Date(), fingerprint: null })
    .where('source_id', '=', sourceId)
    .where('original_id', '=', sql<string>`ANY(${sql.val(originalIds)}::text[])`)
    .returning('practice_id')
    .execute();
  return rows.map((r) => r.practice_id);
}
