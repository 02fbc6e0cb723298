import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { chunkByParams } from '../db/param-chunks.ts';
import type { LinkStatus } from '../db/schema.ts';
import type { LinkResult, LinkTarget } from './link-checker.ts';

/** A broken link as editors see it. */
export interface BrokenLink {
  kind: string;
  id: string;
  title: string;
  url: string;
  httpStatus: number | null;
  reason: string | null;
  checkedAt: Date;
}

/**
 * Replaces the checks of these kinds with a run's results in one transaction: links no longer
 * held disappear with their old status.
 * @example await saveLinkChecks(db, ['practice'], targets, results);
 */
export async function saveLinkChecks(db: Database, kinds: string[], targets: LinkTarget[], results: Map<string, LinkResult>): Promise<void> {
  const rows = targets.flatMap((t) => {
    const r = results.get(t.url);
    return r
      ? [{ kind: t.kind, target_id: t.id, url: t.url, title: t.title, status: r.status, http_status: r.httpStatus, final_url: r.finalUrl, reason: r.reason }]
      : [];
  });
  await db.transaction().execute(async (trx) => {
    if (kinds.length > 0)
      await trx
        .deleteFrom('link_checks')
        .where('kind', '=', sql<string>`ANY(${sql.val(kinds)}::text[])`)
        .execute();
    for (const chunk of chunkByParams(rows, () => 8)) {
      await trx
        .insertInto('link_checks')
        .values(chunk)
        .onConflict((oc) => oc.columns(['kind', 'target_id', 'url']).doNothing())
        .execute();
    }
  });
}

const toBroken = (r: {
  kind: string;
  target_id: string;
  title: string;
  url: string;
  http_status: number | null;
  reason: string | null;
  checked_at: Date;
}): BrokenLink => ({
  kind: r.kind,
  id: r.target_id,
  title: r.title,
  url: r.url,
  httpStatus: r.http_status,
  reason: r.reason,
  checkedAt: r.checked_at,
});

const brokenColumns = ['kind', 'target_id', 'title', 'url', 'http_status', 'reason', 'checked_at'] as const;

/** Every broken link, by holder's title. */
export async function listBrokenLinks(db: Database, limit = 1000): Promise<BrokenLink[]> {
  const rows = await db.selectFrom('link_checks').select(brokenColumns).where('status', '=', 'broken').orderBy('title').orderBy('url').limit(limit).execute();
  return rows.map(toBroken);
}

/**
 * The broken links of one record (a practice's edit page warns of them).
 * @example const broken = await brokenLinksOf(db, 'practice', 'lyon-housing-desk');
 */
export async function brokenLinksOf(db: Database, kind: string, id: string): Promise<BrokenLink[]> {
  const rows = await db
    .selectFrom('link_checks')
    .select(brokenColumns)
    .where('kind', '=', kind)
    .where('target_id', '=', id)
    .where('status', '=', 'broken')
    .execute();
  return rows.map(toBroken);
}

/** Counts by status, for the command line's summary. */
export async function linkStatusCounts(db: Database): Promise<Record<LinkStatus, number>> {
  const rows = await db
    .selectFrom('link_checks')
    .select(['status', db.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<LinkStatus, number> = { ok: 0, redirected: 0, broken: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Each practice's source URLs, as link targets. */
export async function practiceSourceLinks(db: Database): Promise<LinkTarget[]> {
  const rows = await db
    .selectFrom('practices')
    .select(['id', 'title', sql<string | null>`s.value->>'url'`.as('url')])
    .innerJoin(sql<{ value: unknown }>`jsonb_array_elements(coalesce(practices.record->'sources', '[]'::jsonb))`.as('s'), (join) => join.onTrue())
    .execute();
  return rows.filter((r) => r.url).map((r) => ({ kind: 'practice', id: r.id, title: r.title, url: r.url as string }));
}
