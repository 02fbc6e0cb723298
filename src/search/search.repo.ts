import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { FacetParam } from './search.params.ts';
import type { SearchHit } from './search.types.ts';
import { textQuery } from './search-filters.ts';
import { textConfigFor } from './text-configs.ts';

/** Sentinels around matched words in snippets; replaced by <mark> after HTML-escaping. */
export const markStart = '\u0002';
export const markEnd = '\u0003';

/** A row of a result page, before presentation. */
export type HitRow = Omit<SearchHit, 'snippetHtml'> & { seq: number; snippet: string | null };

/** Raw facet counts: facet name, value, count; plus the total under the key 'total'. */
export interface FacetCountRow {
  facet: FacetParam | 'total';
  value: string | null;
  label: string | null;
  n: number;
}

/**
 * The keys (`seq`) of every practice whose text matches the query, as one int array (the
 * snapshot keeps only published ones; a state condition here would tempt the planner into
 * the state index and a recheck of every long vector instead of the text index).
 * Runs in a transaction that steers the planner to the GIN index: for broad words (half the
 * collection matching) it otherwise picks a sequential scan that decompresses every long
 * vector — measured at 100k practices on PostgreSQL 15: 1,580 ms that way, 190–270 ms through the index.
 * @example const seqs = await matchingSeqs(db, textQuery('logement', 'fr'));
 */
export async function matchingSeqs(db: Database, tsquery: RawBuilder<unknown>): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    const { rows } = await sql<{ seqs: number[] | null }>`
      SELECT array_agg(p.seq) AS seqs FROM practices p WHERE p.full_vec @@ ${tsquery}`.execute(trx);
    return rows[0]?.seqs ?? [];
  });
}

/**
 * Text relevance of some practices: rank on the compact ranking vector (title, summary,
 * themes, places — never the long text, which is only matched) plus a static quality score.
 */
export async function rankSeqs(db: Database, seqs: number[], q: string, locale: string): Promise<Map<number, number>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<{ seq: number; rank: number }>`
    SELECT p.seq, ts_rank(p.rank_vec, ${textQuery(q, locale)}, 1) + 0.1 * p.quality AS rank
    FROM practices p WHERE p.seq = ANY(${seqs}::int[])`.execute(db);
  return new Map(rows.map((r) => [r.seq, Number(r.rank)]));
}

/**
 * The shown fields of a page of practices, in the order given, with a highlighted summary
 * excerpt when there is a query (computed for these rows only).
 */
export async function hitRows(db: Database, seqs: number[], q: string, locale: string): Promise<HitRow[]> {
  if (seqs.length === 0) return [];
  const snippet = q
    ? sql<string>`ts_headline(${textConfigFor(locale)}::regconfig, p.summary, ${textQuery(q, locale)},
        ${`StartSel=${markStart}, StopSel=${markEnd}, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql<null>`NULL`;
  const { rows } = await sql<HitRow>`
    SELECT p.seq, p.id, p.title, p.summary, p.city, p.country::text AS country, p.themes, p.status, p.started, ${snippet} AS snippet
    FROM practices p WHERE p.seq = ANY(${seqs}::int[])`.execute(db);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.map((s) => bySeq.get(s)).filter((r): r is HitRow => r !== undefined);
}
