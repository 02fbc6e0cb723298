import { type CatalogueSnapshot, rowOfSeq } from '../catalogue-snapshot.ts';
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
 * A text score with the row's editorial quality as a small prior.
 * @example withQualityPrior(snap, row, 3.2)
 */
export function withQualityPrior(snap: CatalogueSnapshot, row: number, score: number): number {
  return score * (1 + qualityPrior * snap.quality[row]);
}

/**
 * Matches a parsed query on the index and maps the result to the snapshot's rows: documents
 * holding an excluded word are left out, and with `required` (the rows holding the quoted
 * phrases, from the index's word sequences), only those stay. Every match is scored. With `allRequired`
 * (a query of only phrases or exclusions), every required row is a match, unscored.
 * @example const match = matchText(index, snap, parseQuery('refugee housing', 'en'));
 */
export function matchText(index: TextIndex, snap: CatalogueSnapshot, query: ParsedQuery, required?: Int32Array, allRequired = false): TextMatch {
  const excluded = query.excluded.length ? excludedSlots(index, query.excluded) : undefined;
  if (allRequired && required) {
    const rows = required.filter((row) => {
      const slot = index.slotOf(snap.seqs[row]);
      return slot === undefined || !excluded?.[slot];
    });
    return { rows, scores: new Float32Array(rows.length), reports: [], markKeys: new Set() };
  }
  const scored = scoreClauses(index, query.clauses, query.languages);
  const keep = required ? new Uint8Array(snap.size) : undefined;
  if (keep && required) for (const r of required) keep[r] = 1;
  // Scores land by row, then one pass in row order lists them ascending: no sort, no objects.
  const byRow = new Float32Array(snap.size);
  const hit = new Uint8Array(snap.size);
  let count = 0;
  for (let i = 0; i < scored.slots.length; i++) {
    const slot = scored.slots[i];
    if (excluded?.[slot]) continue;
    const seq = index.slotSeq[slot];
    const row = rowOfSeq(snap, seq);
    if (row < 0 || (keep && !keep[row]) || hit[row]) continue;
    hit[row] = 1;
    byRow[row] = withQualityPrior(snap, row, scored.scores[i]);
    count++;
  }
  const rows = new Int32Array(count);
  const scores = new Float32Array(count);
  for (let row = 0, k = 0; k < count; row++) {
    if (!hit[row]) continue;
    rows[k] = row;
    scores[k++] = byRow[row];
  }
  return { rows, scores, reports: scored.reports, markKeys: scored.markKeys };
}

/** A mark on every slot holding one of the words, in any language. */
export function excludedSlots(index: TextIndex, words: string[]): Uint8Array {
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
  const want = Math.min(offset + count, rows.length);
  if (want <= 0) return new Int32Array(0);
  // Without filters the rows are the match's own: its scores line up already.
  const scores = rows.length === match.rows.length ? match.scores : new Float32Array(rows.length);
  if (scores !== match.scores) {
    for (let i = 0, j = 0; i < rows.length; i++) {
      while (match.rows[j] < rows[i]) j++;
      scores[i] = match.rows[j] === rows[i] ? match.scores[j] : 0;
    }
  }
  return want <= 64 ? bestByInsertion(rows, scores, want).slice(offset) : bestByThreshold(rows, scores, want).slice(offset);
}

/** The best `want` rows, best first, by insertion into a fixed array: for a first page. */
function bestByInsertion(rows: Int32Array, scores: Float32Array, want: number): Int32Array {
  const bestRow = new Int32Array(want);
  const bestScore = new Float32Array(want);
  let size = 0;
  for (let i = 0; i < rows.length; i++) {
    const score = scores[i];
    // Rows come in ascending order, so among equal scores the earlier row already stands first.
    if (size === want && score <= bestScore[want - 1]) continue;
    let at = size < want ? size++ : want - 1;
    while (at > 0 && score > bestScore[at - 1]) {
      bestRow[at] = bestRow[at - 1];
      bestScore[at] = bestScore[at - 1];
      at--;
    }
    bestRow[at] = rows[i];
    bestScore[at] = score;
  }
  return bestRow.subarray(0, size);
}

/**
 * The best `want` rows for a deep page: the want-th best score found by a native numeric sort
 * of a copy, then only the rows reaching it sorted (stably, so ties stay in row order).
 */
function bestByThreshold(rows: Int32Array, scores: Float32Array, want: number): Int32Array {
  const sorted = scores.slice().sort();
  const threshold = sorted[sorted.length - want];
  const picked: number[] = [];
  for (let i = 0; i < rows.length; i++) if (scores[i] >= threshold) picked.push(i);
  picked.sort((a, b) => scores[b] - scores[a]);
  return Int32Array.from(picked.slice(0, want), (i) => rows[i]);
}
