import type { Database } from '../db/database.ts';
import { type CatalogueSnapshot, rowOfSeq } from './catalogue-snapshot.ts';
import { analyze } from './engine/analyzer.ts';
import { textIndexFor } from './engine/index-sync.ts';
import { parseQuery } from './engine/query-parser.ts';
import type { TextIndex } from './engine/text-index.ts';
import { matchText, type TextMatch } from './engine/text-match.ts';

/** Rows of the snapshot holding a quoted phrase, read in any language of the collection, from the index's word sequences. */
function phraseRows(index: TextIndex, snap: CatalogueSnapshot, phrase: string, locale: string): Int32Array {
  const key = `${locale}|${phrase}`;
  const cached = snap.phraseMatches.get(key, snap.version);
  if (cached) return cached;
  const rows = new Set<number>();
  for (const lang of index.languages) {
    const keys = analyze(phrase, lang, { keepStopWords: true }).map((t) => (t.stop ? null : t.key));
    if (!keys.some((k) => k !== null)) continue;
    for (const slot of index.slotsWithSequence(keys)) {
      const seq = index.slotSeq[slot];
      const row = rowOfSeq(snap, seq);
      if (row >= 0) rows.add(row);
    }
  }
  const out = Int32Array.from(rows).sort();
  snap.phraseMatches.set(key, snap.version, out);
  return out;
}

/** The rows in every list. */
function intersectAll(lists: Int32Array[]): Int32Array {
  const keep = new Map<number, number>();
  for (const list of lists) for (const r of new Set(list)) keep.set(r, (keep.get(r) ?? 0) + 1);
  return Int32Array.from([...keep].filter(([, n]) => n === lists.length).map(([r]) => r)).sort();
}

/**
 * What a query matches, scored, in the snapshot's rows; null when the query holds nothing to
 * search for (only stop words), so it browses like an empty one. Cached per catalogue version.
 * @example const match = await queryMatch(db, snap, 'logement pour les réfugiés', 'fr');
 */
export async function queryMatch(db: Database, snap: CatalogueSnapshot, q: string, locale: string): Promise<TextMatch | null> {
  const parsed = parseQuery(q, locale);
  if (parsed.clauses.length === 0 && parsed.phrases.length === 0 && parsed.excluded.length === 0) return null;
  const key = `${locale}|${q}`;
  const cached = snap.matches.get(key, snap.version);
  if (cached) return cached;
  const index = await textIndexFor(db, snap);
  const required = parsed.phrases.length ? intersectAll(parsed.phrases.map((p) => phraseRows(index, snap, p, locale))) : undefined;
  const match =
    parsed.clauses.length === 0
      ? // Only exclusions or phrases: every practice they leave, unranked.
        matchText(index, snap, parsed, required ?? snap.allRows, true)
      : matchText(index, snap, parsed, required);
  snap.matches.set(key, snap.version, match);
  return match;
}
