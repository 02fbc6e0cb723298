import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { FacetParam } from './search.params.ts';
import { longText } from './search-text.repo.ts';

/** Raw facet counts: facet name, value, count; plus the total under the key 'total'. */
export interface FacetCountRow {
  facet: FacetParam | 'total';
  value: string | null;
  label: string | null;
  n: number;
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
  /** The long text, when asked for (excerpts of hits whose summary does not mention the words). */
  body: string | null;
}

/**
 * The shown fields of a page of practices, in the order given, with the title and summary of
 * the reader's language where a translation exists.
 * @example const rows = await resultRows(db, [3, 1, 2], 'fr');
 */
export async function resultRows(db: Database, seqs: number[], locale: string, withBody = false): Promise<ResultRow[]> {
  if (seqs.length === 0) return [];
  const { rows } = await sql<ResultRow>`
    SELECT p.seq, p.id, p.title, p.summary, p.language, p.city, p.country::text AS country, p.themes, p.status, p.started,
      p.record->'translations'->${locale}->>'title' AS tr_title, p.record->'translations'->${locale}->>'summary' AS tr_summary,
      ${withBody ? longText : sql`NULL::text`} AS body
    FROM practices p WHERE p.seq = ANY(${seqs}::int[])`.execute(db);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.map((s) => bySeq.get(s)).filter((r): r is ResultRow => r !== undefined);
}
