import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The SQL of the words of a practice that "did you mean" knows: title, summary, city and themes,
 * given as SQL expressions (columns of `practices`, or bind parameters of a record's values).
 * @example vocabularyVectorSql({ title: '$1', summary: '$2', city: '$3', themes: '$4::text[]' })
 */
export function vocabularyVectorSql(parts: { title: string; summary: string; city: string; themes: string }): string {
  return `to_tsvector('ch_simple', ${parts.title} || ' ' || ${parts.summary} || ' ' || coalesce(${parts.city}, '') || ' ' || array_to_string(${parts.themes}, ' '))`;
}

const vocabularyText = vocabularyVectorSql({ title: 'title', summary: 'summary', city: 'city', themes: 'themes' });
const usableWord = sql`length(word) BETWEEN 3 AND 40 AND word !~ '^[0-9]+$'`;

/**
 * Rebuilds the vocabulary used for "did you mean": every word of the ranking vectors
 * (titles, summaries, themes, places), with the number of practices it appears in. It reads
 * the whole catalogue: for bulk writes (imports, re-indexing); one practice uses addSearchWords.
 */
export async function refreshSearchWords(db: Database): Promise<void> {
  await db.deleteFrom('search_words').execute();
  await sql`
    INSERT INTO search_words (word, ndoc)
    SELECT word, ndoc FROM ts_stat(${`SELECT ${vocabularyText} FROM practices WHERE state = 'published'`})
    WHERE ${usableWord}`.execute(db);
}

/**
 * Adds one practice's words to the vocabulary (counting it once more for words already there),
 * without reading the rest of the catalogue. ts_stat takes its query as text, so the id is
 * quoted into it (ids are lowercase letters, digits and hyphens; quotes are doubled all the same).
 * @example await addSearchWords(trx, 'turin-housing-desk');
 */
export async function addSearchWords(db: Database, practiceId: string): Promise<void> {
  await sql`
    INSERT INTO search_words (word, ndoc)
    SELECT word, ndoc FROM ts_stat(${`SELECT ${vocabularyText} FROM practices WHERE id = '${practiceId.replaceAll("'", "''")}'`})
    WHERE ${usableWord}
    ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + excluded.ndoc`.execute(db);
}

/**
 * Adds the words of the practices a bulk import created to the vocabulary, from the vectors it
 * staged (see stageSearchVectors) — valid only when the import created practices and changed
 * none, since a changed practice's old words would have to be taken away (refreshSearchWords).
 * @example await addStagedSearchWords(trx, ticket);
 */
export async function addStagedSearchWords(db: Database, ticket: number): Promise<void> {
  await sql`
    INSERT INTO search_words (word, ndoc)
    SELECT word, ndoc FROM ts_stat(${`SELECT vocab_vec FROM import_vectors WHERE ticket = ${Math.trunc(ticket)}`})
    WHERE ${usableWord}
    ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + excluded.ndoc`.execute(db);
}
