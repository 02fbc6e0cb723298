import type { CatalogueSnapshot } from '../catalogue-snapshot.ts';
import type { ParsedQuery } from './query-parser.ts';
import { type ClauseReport, scoreClauses, wordKeys } from './ranking.ts';
import type { TextIndex } from './text-index.ts';

/** The practices a query matches, as snapshot rows, with their relevance. */
export interface TextMatch {
  /** Row indexes, ascending. */
  rows: Int32Array;
  /** Relevance of each row (BM25F with a small quality prior), aligned with rows. */
  scores: Float32Array;
  reports: ClauseReport[];
  /** Index keys to highlight. */
  markKeys: Set<string>;
}

/** How much editorial quality (completeness, evidence) lifts a score: a tie-breaker, never a filter. */
const qualityPrior = 0.05;

/**
 * Matches a parsed query on the index and maps the result to the snapshot's rows: documents
 * holding an excluded word are left out, and with `required` (the rows holding the quoted
 * phrases, from the database), only those stay. Every match is scored. With `allRequired`
 * (a query of only phrases or exclusions), every required row is a match, unscored.
 * @example const match = matchText(index, snap, parseQuery('refugee housing', 'en'));
 */
export function matchText(index: TextIndex, snap: CatalogueSnapshot, query: ParsedQuery, required?: Int32Array, allRequired = false): TextMatch {
  const excluded = excludedSlots(index, query.excluded);
  if (allRequired && required) {
    const rows = required.filter((row) => {
      const slot = index.slotOf(snap.seqs[row]);
      return slot === undefined || !excluded[slot];
    });
    return { rows, scores: new Float32Array(rows.length), reports: [], markKeys: new Set() };
  }
  const scored = scoreClauses(index, query.clauses, query.languages);
  const keep = required ? new Uint8Array(snap.size) : undefined;
  if (keep && required) for (const r of required) keep[r] = 1;
  const pairs: { row: number; score: number }[] = [];
  for (let i = 0; i < scored.slots.length; i++) {
    const slot = scored.slots[i];
    if (excluded[slot]) continue;
    const seq = index.slotSeq[slot];
    const row = seq < snap.indexOfSeq.length ? snap.indexOfSeq[seq] : -1;
    if (row < 0 || (keep && !keep[row])) continue;
    pairs.push({ row, score: scored.scores[i] * (1 + qualityPrior * snap.quality[row]) });
  }
  pairs.sort((a, b) => a.row - b.row);
  return {
    rows: Int32Array.from(pairs, (p) => p.row),
    scores: Float32Array.from(pairs, (p) => p.score),
    reports: scored.reports,
    markKeys: scored.markKeys,
  };
}

/** A mark on every slot holding one of the words, in any language. */
function excludedSlots(index: TextIndex, words: string[]): Uint8Array {
  const excluded = new Uint8Array(index.slotCount);
  for (const word of words) {
    for (const key of wordKeys(index, word)) {
      const list = index.postings.get(key);
      if (list) for (let j = 0; j < list.length; j++) excluded[list.slots[j]] = 1;
    }
  }
  return excluded;
}

/**
 * The best `count` rows of `rows` (ascending, a subset of the match's rows) by score, ties in
 * row order, skipping the first `offset`: the page of a relevance-sorted search, without
 * sorting every match.
 */
export function topRows(match: TextMatch, rows: Int32Array, offset: number, count: number): Int32Array {
  const want = offset + count;
  const scoreOf = new Float32Array(rows.length);
  let j = 0;
  for (let i = 0; i < rows.length; i++) {
    while (match.rows[j] < rows[i]) j++;
    scoreOf[i] = match.rows[j] === rows[i] ? match.scores[j] : 0;
  }
  const order = Int32Array.from(rows.keys());
  const better = (a: number, b: number) => scoreOf[a] > scoreOf[b] || (scoreOf[a] === scoreOf[b] && a < b);
  if (rows.length <= want * 4) {
    order.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    return Int32Array.from(order.subarray(offset, want), (i) => rows[i]);
  }
  // A bounded selection: keep the best `want` seen so far, sorted, and insert when beaten.
  const best: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (best.length === want && !better(i, best[want - 1])) continue;
    let at = best.length;
    while (at > 0 && better(i, best[at - 1])) at--;
    best.splice(at, 0, i);
    if (best.length > want) best.pop();
  }
  return Int32Array.from(best.slice(offset), (i) => rows[i]);
}
