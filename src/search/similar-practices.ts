import type { Database } from '../db/database.ts';
import { currentSnapshot, rowOfSeq } from './catalogue-snapshot.ts';
import { analyze } from './engine/analyzer.ts';
import { textIndexFor } from './engine/index-sync.ts';
import { scoreGroups } from './engine/ranking.ts';
import { searchDocument } from './engine/search-document.ts';
import type { TextIndex } from './engine/text-index.ts';
import { withQualityPrior } from './engine/text-match.ts';
import { resultRows } from './search.repo.ts';
import { practiceTextsById } from './search-text.repo.ts';

/** Words of a practice that stand for it in the "more like this" query. */
const queryTerms = 25;
/**
 * Words held by more practices than this share (and at least `broadFloor` of them) are left
 * out: they say little about what a practice is like (their idf is low) and cost the most to
 * score (at 100k practices a word in half of them is 50,000 postings). Lucene's "more like
 * this" drops them the same way (maxDocFreqPct).
 */
const broadShare = 0.1;
const broadFloor = 50;

/**
 * The practice's most telling words: each key of its title, summary and context weighted by
 * how often it occurs there (title counting most) and how rare it is in the collection.
 */
function tellingKeys(index: TextIndex, doc: ReturnType<typeof searchDocument>): string[] {
  const weightOf = { title: 3, summary: 2, context: 1.5, body: 0.3 } as const;
  const tf = new Map<string, number>();
  for (const part of doc.parts) {
    for (const t of analyze(part.text, part.language)) tf.set(t.key, (tf.get(t.key) ?? 0) + weightOf[part.field]);
  }
  const n = index.size;
  const broad = Math.max(broadFloor, n * broadShare);
  return [...tf]
    .map(([key, w]) => {
      const df = index.postings.get(key)?.length ?? 0;
      return { key, value: df > 1 && df <= broad ? w * Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0 };
    })
    .filter((k) => k.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, queryTerms)
    .map((k) => k.key);
}

/**
 * Practices most like one, by the search's own relevance model: its most telling words, as a
 * best-match query on the whole collection (every language), scored with BM25F.
 * @example const similar = await similarPractices(db, 'barcelona-anti-rumour', 'en', 5);
 */
export async function similarPractices(db: Database, id: string, locale: string, limit = 5) {
  const snap = await currentSnapshot(db);
  const [text] = await practiceTextsById(db, [id]);
  if (!text || rowOfSeq(snap, text.seq) < 0) return [];
  const seq = text.seq;
  const index = await textIndexFor(db, snap);
  const keys = tellingKeys(index, searchDocument(text));
  const scored = scoreGroups(
    index,
    keys.map((key) => ({ text: key, groups: [{ keys: [key], weight: 1 }] })),
  );
  // The best few, kept in order while walking every match (no sort of tens of thousands).
  const best: { seq: number; score: number }[] = [];
  for (let i = 0; i < scored.slots.length; i++) {
    const other = index.slotSeq[scored.slots[i]];
    const r = rowOfSeq(snap, other);
    if (other === seq || r < 0) continue;
    const score = withQualityPrior(snap, r, scored.scores[i]);
    const last = best[limit - 1];
    if (last && (score < last.score || (score === last.score && other > last.seq))) continue;
    let at = best.findIndex((b) => score > b.score || (score === b.score && other < b.seq));
    if (at < 0) at = best.length;
    best.splice(at, 0, { seq: other, score });
    if (best.length > limit) best.pop();
  }
  const seqs = best.map((b) => b.seq);
  if (seqs.length === 0) return [];
  return (await resultRows(db, seqs, locale)).map((r) => ({ id: r.id, title: r.tr_title ?? r.title, city: r.city, country: r.country, themes: r.themes }));
}
