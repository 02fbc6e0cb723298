import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { isGlossaryTerm } from './glossary.ts';

/** The words of a practice that "did you mean" knows: title, summary, city and themes. */
const vocabularyText = `to_tsvector('ch_simple', title || ' ' || summary || ' ' || coalesce(city, '') || ' ' || array_to_string(themes, ' '))`;
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
 * The closest indexed word to a possibly misspelled one, by trigram similarity of at least
 * 0.4 ("houseing" → "housing" is 0.55, while look-alikes such as "logement" → "management"
 * are 0.33); a word that is itself indexed is returned unchanged.
 * @example await closestWord(db, 'houseing') // 'housing'
 */
export async function closestWord(db: Database, word: string): Promise<string | undefined> {
  const row = await sql<{ word: string; exact: boolean }>`
    SELECT word, word = ${word} AS exact FROM search_words
    WHERE word % ${word} AND similarity(word, ${word}) >= 0.4
    ORDER BY word = ${word} DESC, similarity(word, ${word}) DESC, ndoc DESC
    LIMIT 1`.execute(db);
  return row.rows[0]?.word;
}

/** Whether a word occurs in the indexed vocabulary or the multilingual glossary. */
export async function isKnownWord(db: Database, word: string): Promise<boolean> {
  if (isGlossaryTerm(word)) return true;
  const row = await db.selectFrom('search_words').select('word').where('word', '=', word).executeTakeFirst();
  return !!row;
}
