import { analyze, wordKey } from './analyzer.ts';
import { glossaryAlternatives, queryWords } from './glossary-index.ts';
import type { QueryClause } from './query-parser.ts';
import { closestWord } from './spelling.ts';
import { fieldCount, type TextIndex } from './text-index.ts';

/**
 * BM25F parameters: a field's weight (title > summary > context > long text) and how much its
 * length normalises the count; k1, how fast repeated words stop adding. Tuned on the judged
 * queries of bench/relevance (docs/search.md).
 */
export const rankingParams = {
  weights: [4, 1.5, 1, 1],
  b: [0.3, 0.6, 0.3, 0.75],
  k1: 1.2,
  /** How much a glossary equivalent, a spelling correction or a cognate counts against the word itself. */
  alternativeWeight: 0.6,
  correctionWeight: 0.7,
  cognateWeight: 0.3,
};

/** A way a clause can match: all of some keys (one per content word), at a weight. */
export interface KeyGroup {
  keys: string[];
  weight: number;
}

/** What became of one clause of the query, for the page to explain itself. */
export interface ClauseReport {
  text: string;
  /** Practices matching it in any way. */
  matches: number;
  /** The indexed word used instead of a misspelt one. */
  correctedTo?: string;
}

/** The keys a word or term has in every language documents are read in. */
function ownGroups(index: TextIndex, text: string, weight: number): KeyGroup[] {
  const groups: KeyGroup[] = [];
  for (const lang of index.languages) {
    const keys = analyze(text, lang).map((t) => t.key);
    if (keys.length) groups.push({ keys, weight });
  }
  return groups;
}

/** Whether any key group of a clause has a live posting. */
function found(index: TextIndex, groups: KeyGroup[]): boolean {
  return groups.some((g) => g.keys.every((k) => (index.postings.get(k)?.length ?? 0) > 0));
}

/**
 * The stems of a word in the query's languages looked up in the documents' other languages:
 * "integrar" stemmed as Spanish is "integr", which English practices hold ("integration").
 * Cognates are common between the languages of the collection, false friends rare enough
 * at a low weight.
 */
function cognateGroups(index: TextIndex, text: string, queryLanguages: string[]): KeyGroup[] {
  const groups: KeyGroup[] = [];
  for (const from of queryLanguages) {
    const stems = analyze(text, from).map((t) => t.key.slice(from.length + 1));
    if (!stems.length) continue;
    for (const lang of index.languages) {
      if (lang !== from) groups.push({ keys: stems.map((s) => `${lang}:${s}`), weight: rankingParams.cognateWeight });
    }
  }
  return groups;
}

/** The key groups of a clause: its own words in every language, its glossary equivalents, cognates, and a spelling correction when its word is unknown. */
export function clauseGroups(index: TextIndex, clause: QueryClause, queryLanguages: string[] = []): { groups: KeyGroup[]; correctedTo?: string } {
  const groups = [...ownGroups(index, clause.text, 1), ...cognateGroups(index, clause.text, queryLanguages.filter((l) => l !== 'en'))];
  for (const alt of clause.alternatives) {
    const keys = analyze(alt.text, alt.lang).map((t) => t.key);
    if (keys.length) groups.push({ keys, weight: rankingParams.alternativeWeight });
  }
  let correctedTo: string | undefined;
  if (!found(index, groups) && !clause.text.includes(' ') && clause.alternatives.length === 0) {
    correctedTo = closestWord(index, clause.text);
    if (correctedTo) {
      groups.push(...ownGroups(index, correctedTo, rankingParams.correctionWeight));
      for (const alt of glossaryAlternatives(queryWords(correctedTo).join(' ')) ?? []) {
        const keys = analyze(alt.text, alt.lang).map((t) => t.key);
        if (keys.length) groups.push({ keys, weight: rankingParams.alternativeWeight * rankingParams.correctionWeight });
      }
    }
  }
  // The same keys reached twice (a word and its own plural in the glossary) count once, at the higher weight.
  const best = new Map<string, KeyGroup>();
  for (const g of groups) {
    const id = g.keys.join(' ');
    if ((best.get(id)?.weight ?? 0) < g.weight) best.set(id, g);
  }
  return { groups: [...best.values()], correctedTo };
}

/** Scratch arrays sized to the index, reused by every search (searches never interleave inside a scoring pass). */
class Scratch {
  tf = new Float32Array(0);
  score = new Float32Array(0);
  mark = new Uint8Array(0);
  ensure(size: number): void {
    if (this.tf.length >= size) return;
    this.tf = new Float32Array(size);
    this.score = new Float32Array(size);
    this.mark = new Uint8Array(size);
  }
}
const scratch = new Scratch();

/** Adds one key's field-weighted, length-normalised counts into tf, and records newly touched slots. */
function addKey(index: TextIndex, key: string, weight: number, norms: Float64Array, tf: Float32Array, touched: number[], target?: Map<number, number>): void {
  const list = index.postings.get(key);
  if (!list) return;
  const { weights, b } = rankingParams;
  const { alive, lengths } = index;
  for (let j = 0; j < list.length; j++) {
    const slot = list.slots[j];
    if (!alive[slot]) continue;
    const packed = list.counts[j];
    let w = 0;
    for (let f = 0; f < fieldCount; f++) {
      const c = (packed >>> (8 * f)) & 0xff;
      if (c) w += (weights[f] * c) / (1 - b[f] + (b[f] * lengths[slot * fieldCount + f]) / norms[f]);
    }
    if (target) target.set(slot, (target.get(slot) ?? 0) + w);
    else {
      if (tf[slot] === 0) touched.push(slot);
      tf[slot] += weight * w;
    }
  }
}

/** Per-slot relevance of a query's clauses: slots touched, their scores, and a report per clause. */
export interface ScoredSlots {
  slots: Int32Array;
  scores: Float32Array;
  /** How many clauses each touched slot matched, aligned with slots. */
  matched: Uint8Array;
  reports: ClauseReport[];
  /** Every index key a clause matched through: highlighted in titles and excerpts. */
  markKeys: Set<string>;
}

/**
 * Scores every live document against a query's clauses with BM25F: per clause, the fields'
 * weighted, length-normalised counts of any of its key groups, saturated by k1 and weighed by
 * the clause's rarity (idf over the documents it matches); a document's score is the sum.
 * Nothing is cut before scoring: every match gets its score.
 * @example const scored = scoreClauses(index, parseQuery('refugee housing', 'en').clauses);
 */
export function scoreClauses(index: TextIndex, clauses: QueryClause[], queryLanguages: string[] = []): ScoredSlots {
  return scoreGroups(
    index,
    clauses.map((clause) => ({ text: clause.text, ...clauseGroups(index, clause, queryLanguages) })),
  );
}

/** One clause resolved to the key groups it matches through. */
export interface ResolvedClause {
  text: string;
  groups: KeyGroup[];
  correctedTo?: string;
}

/** BM25F over resolved clauses (see scoreClauses). */
export function scoreGroups(index: TextIndex, clauses: ResolvedClause[]): ScoredSlots {
  scratch.ensure(index.slotCount);
  const { tf, score, mark } = scratch;
  const norms = Float64Array.from({ length: fieldCount }, (_, f) => index.averageLength(f));
  const all: number[] = [];
  const reports: ClauseReport[] = [];
  const markKeys = new Set<string>();
  const n = index.size;
  const { k1 } = rankingParams;
  for (const { text, groups, correctedTo } of clauses) {
    const touched: number[] = [];
    for (const g of groups) {
      if (g.keys.length === 1) addKey(index, g.keys[0], g.weight, norms, tf, touched);
      else addAllOf(index, g, norms, tf, touched);
      if (g.keys.every((k) => index.postings.has(k))) for (const k of g.keys) markKeys.add(k);
    }
    const df = touched.length;
    reports.push({ text, matches: df, ...(correctedTo && df ? { correctedTo } : {}) });
    if (df === 0) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (const slot of touched) {
      const t = tf[slot];
      tf[slot] = 0;
      if (mark[slot] === 0) all.push(slot);
      if (mark[slot] < 255) mark[slot]++;
      score[slot] += (idf * t * (k1 + 1)) / (t + k1);
    }
  }
  all.sort((a, b) => a - b);
  const slots = Int32Array.from(all);
  const scores = new Float32Array(slots.length);
  const matched = new Uint8Array(slots.length);
  slots.forEach((slot, i) => {
    scores[i] = score[slot];
    matched[i] = mark[slot];
    score[slot] = 0;
    mark[slot] = 0;
  });
  return { slots, scores, matched, reports, markKeys };
}

/** A multi-word key group: documents holding every word, counted by the word they hold least. */
function addAllOf(index: TextIndex, g: KeyGroup, norms: Float64Array, tf: Float32Array, touched: number[]): void {
  let common: Map<number, number> | undefined;
  for (const key of g.keys) {
    const counts = new Map<number, number>();
    addKey(index, key, 1, norms, tf, touched, counts);
    if (!common) common = counts;
    else {
      for (const [slot, w] of common) {
        const other = counts.get(slot);
        if (other === undefined) common.delete(slot);
        else common.set(slot, Math.min(w, other));
      }
    }
    if (common.size === 0) return;
  }
  for (const [slot, w] of common ?? []) {
    if (tf[slot] === 0) touched.push(slot);
    tf[slot] += g.weight * w;
  }
}

/** The index keys of a word in every language documents are read in (exclusions look these up). */
export function wordKeys(index: TextIndex, word: string): string[] {
  return [...index.languages].map((lang) => wordKey(word, lang));
}
