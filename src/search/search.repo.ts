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
 * The keys (`seq`) of every practice whose text matches the query, as one int array, from the
 * narrow `practice_match` table (the snapshot keeps only published practices, so no state
 * condition is needed). Runs in a transaction that steers the planner to the GIN index: for
 * broad words (half the collection matching) it otherwise picks a sequential scan that
 * decompresses every long vector — measured at 100k practices on PostgreSQL 15: 1,580 ms that
 * way, 190–270 ms through the index on `practices`, and less again on the narrow table.
 * @example const seqs = await matchingSeqs(db, textQuery('logement', 'fr'));
 */
export async function matchingSeqs(db: Database, tsquery: RawBuilder<unknown>): Promise<Int32Array> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    // In the array's binary form: a broad word's 100k keys as text took longer to parse than to find.
    const { rows } = await sql<{ seqs: Uint8Array | null }>`
      SELECT array_send(array_agg(m.seq)) AS seqs FROM practice_match m WHERE m.full_vec @@ ${tsquery}`.execute(trx);
    const bytes = rows[0]?.seqs;
    return bytes ? int4ArrayFromBinary(bytes) : new Int32Array(0);
  });
}

/**
 * Reads a one-dimensional int4[] in PostgreSQL's binary array format (array_send): a header of
 * dimensions, flags, element type, length and lower bound, then each element as length + value,
 * big-endian. A NULL element (length -1) cannot occur for a NOT NULL column and is skipped.
 */
export function int4ArrayFromBinary(bytes: Uint8Array): Int32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getInt32(0) === 0) return new Int32Array(0);
  if (view.getInt32(0) !== 1) throw new Error('int4ArrayFromBinary: only one-dimensional arrays');
  const length = view.getInt32(12);
  const out = new Int32Array(length);
  let k = 0;
  for (let at = 20; at < bytes.byteLength; ) {
    const size = view.getInt32(at);
    at += 4;
    if (size === 4) out[k++] = view.getInt32(at);
    if (size > 0) at += size;
  }
  return k === length ? out : out.slice(0, k);
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
