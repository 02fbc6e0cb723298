import type { Database } from '../db/database.ts';
import { type CatalogueSnapshot, currentSnapshot, rowOfSeq } from './catalogue-snapshot.ts';
import { analyze } from './engine/analyzer.ts';
import { prepareBroadConcepts } from './engine/dense-counts.ts';
import { textIndexFor } from './engine/index-sync.ts';
import { parseQuery } from './engine/query-parser.ts';
import type { TextIndex } from './engine/text-index.ts';
import { matchText, type TextMatch } from './engine/text-match.ts';

/** Rows of the snapshot holding a quoted phrase, read in any language of the collection, from the index's word sequences. */
function phraseRows(index: TextIndex, snap: CatalogueSnapshot, phrase: string, locale: string): Int32Array {
  const key = `${locale}|${phrase}`;
  const cached = snap.phraseMatches.get(key, snap.version);
  if (cached) return cached;
  // Rows marked, then listed in row order: ascending and unique without a set or a sort.
  const marked = new Uint8Array(snap.size);
  let count = 0;
  for (const lang of index.languages) {
    const keys = analyze(phrase, lang, { keepStopWords: true }).map((t) => (t.stop ? null : t.key));
    if (!keys.some((k) => k !== null)) continue;
    for (const slot of index.slotsWithSequence(keys)) {
      const row = rowOfSeq(snap, index.slotSeq[slot]);
      if (row >= 0 && !marked[row]) {
        marked[row] = 1;
        count++;
      }
    }
  }
  const out = new Int32Array(count);
  for (let row = 0, k = 0; k < count; row++) if (marked[row]) out[k++] = row;
  snap.phraseMatches.set(key, snap.version, out);
  return out;
}

/** The rows in every list (each ascending and unique), by merging them two at a time. */
function intersectAll(lists: Int32Array[]): Int32Array {
  return lists.reduce((a, b) => {
    const out = new Int32Array(Math.min(a.length, b.length));
    let n = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
    return out.subarray(0, n);
  });
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

/**
 * Brings the snapshot and the text index up to the catalogue's current version and counts the
 * broad glossary concepts not yet counted in the index's epoch: at start-up, so that no visitor
 * pays for them, and as soon as a write is notified, so that the next search finds it done.
 * @example await prepareSearch(db);
 */
export async function prepareSearch(db: Database): Promise<void> {
  prepareBroadConcepts(await textIndexFor(db, await currentSnapshot(db)));
}
