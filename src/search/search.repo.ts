import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { FacetParam } from './search.params.ts';

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

/** A row of a result page as stored, with the reader's translation and the long text (for excerpts) when asked. */
export interface ResultRow {
  seq: number;
  id: string;
  title: string;
  summary: string;
  language: string;
  city: string | null;
  country: string;
  themes: string[];
  status: string;
  started: number | null;
  /** Title and summary in the reader's language, where the record has them. */
  tr_title: string | null;
  tr_summary: string | null;
  /** The long text joined (only with `withBody`). */
  body: string | null;
}

/**
 * The shown fields of a page of practices, in the order given: with the title and summary of
 * the reader's language where a translation exists, and the long text when an excerpt may need it.
 * @example const rows = await resultRows(db, [3, 1, 2], 'fr', { withBody: true });
 */
export async function resultRows(db: Database, seqs: number[], locale: string, options: { withBody?: boolean } = {}): Promise<ResultRow[]> {
  if (seqs.length === 0) return [];
  const body = options.withBody
    ? sql`concat_ws(E'\n\n', p.record->>'body', p.record->>'challenge', p.record->>'approach', p.record->>'outcomes',
        p.record->>'evaluation', p.record->>'lessons', p.record->>'transferability')`
    : sql`NULL`;
  const { rows } = await sql<ResultRow>`
    SELECT p.seq, p.id, p.title, p.summary, p.language, p.city, p.country::text AS country, p.themes, p.status, p.started,
      p.record->'translations'->${locale}->>'title' AS tr_title, p.record->'translations'->${locale}->>'summary' AS tr_summary,
      ${body} AS body
    FROM practices p WHERE p.seq = ANY(${seqs}::int[])`.execute(db);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.map((s) => bySeq.get(s)).filter((r): r is ResultRow => r !== undefined);
}
