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
 * condition is needed). One call of `practice_matches` (migration 0007), which plans with
 * sequential scans off: for broad words (half the collection matching) the planner otherwise
 * decompresses every long vector — measured at 100k practices on PostgreSQL 15: 1,580 ms that
 * way, 190–270 ms through the index on `practices`, 70 ms on the narrow table. The keys come
 * in the array's binary form: a broad word's 100k keys as text took longer to parse than to find.
 * @example const seqs = await matchingSeqs(db, textQuery('logement', 'fr'));
 */
export async function matchingSeqs(db: Database, tsquery: RawBuilder<unknown>): Promise<Int32Array> {
  const { rows } = await sql<{ seqs: Uint8Array | null }>`SELECT array_send(practice_matches(${tsquery})) AS seqs`.execute(db);
  const bytes = rows[0]?.seqs;
  return bytes ? int4ArrayFromBinary(bytes) : new Int32Array(0);
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

/** The fields of a result row, and its highlighted summary excerpt when there is a query. */
function hitColumns(locale: string, q: string, tsquery: RawBuilder<unknown>) {
  const snippet = q
    ? sql<string>`ts_headline(${textConfigFor(locale)}::regconfig, p.summary, ${tsquery},
        ${`StartSel=${markStart}, StopSel=${markEnd}, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql<null>`NULL`;
  return sql`p.seq, p.id, p.title, p.summary, p.city, p.country::text AS country, p.themes, p.status, p.started, ${snippet} AS snippet`;
}

/**
 * A page of the best candidates by text relevance, with their shown fields, in one statement:
 * rank on the compact ranking vector (title, summary, themes, places — never the long text,
 * which is only matched) plus a static quality score; ties in id order, as everywhere else.
 * @example const rows = await rankedHitRows(db, topSeqs, 'refugees', 'en', 0, 20);
 */
export async function rankedHitRows(db: Database, seqs: number[], q: string, locale: string, offset: number, limit: number): Promise<HitRow[]> {
  if (seqs.length === 0 || limit <= 0) return [];
  const { rows } = await sql<HitRow>`
    WITH query AS (SELECT ${textQuery(q, locale)} AS q),
    top AS (
      SELECT r.seq, r.id, ts_rank(r.rank_vec, query.q, 1) + 0.1 * r.quality AS rank
      FROM practices r, query WHERE r.seq = ANY(${seqs}::int[])
      ORDER BY rank DESC, r.id LIMIT ${limit} OFFSET ${offset})
    SELECT ${hitColumns(locale, q, sql`query.q`)}
    FROM top JOIN practices p ON p.seq = top.seq, query
    ORDER BY top.rank DESC, top.id`.execute(db);
  return rows;
}

/**
 * The shown fields of a page of practices, in the order given, with a highlighted summary
 * excerpt when there is a query (computed for these rows only).
 */
export async function hitRows(db: Database, seqs: number[], q: string, locale: string): Promise<HitRow[]> {
  if (seqs.length === 0) return [];
  const { rows } = await sql<HitRow>`
    SELECT ${hitColumns(locale, q, q ? textQuery(q, locale) : sql`NULL`)}
    FROM practices p WHERE p.seq = ANY(${seqs}::int[])`.execute(db);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.map((s) => bySeq.get(s)).filter((r): r is HitRow => r !== undefined);
}
