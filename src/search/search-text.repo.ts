import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** The searchable text of a practice, as stored. */
export interface PracticeTextRow {
  seq: number;
  content_hash: string;
  language: string;
  title: string;
  summary: string;
  themes: string[];
  city: string | null;
  country: string;
  lead_organization: string | null;
  target_groups: string[];
  partners: string[] | null;
  body: string | null;
  translations: Record<string, { title?: string; summary?: string; body?: string }> | null;
}

/** A practice's long fields joined as one text, in the order the record page shows them. */
/** The long fields of a practice joined as one body, for excerpts (search results) and the index. */
export const longText = sql<string>`concat_ws(E'\n\n', p.record->>'body', p.record->>'challenge', p.record->>'approach', p.record->>'outcomes',
  p.record->>'evaluation', p.record->>'lessons', p.record->>'transferability')`;

/**
 * The searchable texts of the given practices (long fields joined as one body), for the
 * in-memory index: only the fields that are searched travel, not the whole record.
 * @example const rows = await practiceTexts(db, [1, 2, 3]);
 */
export async function practiceTexts(db: Database, seqs: number[]): Promise<PracticeTextRow[]> {
  return seqs.length === 0 ? [] : textsWhere(db, sql`p.seq = ANY(${seqs}::int[])`);
}

/**
 * The same, of practices given by id.
 * @example const [text] = await practiceTextsById(db, ['barcelona-anti-rumour']);
 */
export async function practiceTextsById(db: Database, ids: string[]): Promise<PracticeTextRow[]> {
  return ids.length === 0 ? [] : textsWhere(db, sql`p.id = ANY(${ids}::text[])`);
}

async function textsWhere(db: Database, where: RawBuilder<unknown>): Promise<PracticeTextRow[]> {
  const { rows } = await sql<PracticeTextRow>`
    SELECT p.seq, p.content_hash, p.language, p.title, p.summary, p.themes, p.city, p.country::text AS country,
      p.lead_organization, p.target_groups,
      ARRAY(SELECT x->>'name' FROM jsonb_array_elements(coalesce(p.record->'partners', '[]'::jsonb)) x) AS partners,
      ${longText} AS body,
      p.record->'translations' AS translations
    FROM practices p WHERE ${where}`.execute(db);
  return rows;
}
