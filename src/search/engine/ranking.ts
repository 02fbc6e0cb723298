import { analyze, wordKey } from './analyzer.ts';
import { glossaryAlternatives, queryWords } from './glossary-index.ts';
import { currentEpoch, type Epoch, postingWeights } from './posting-weights.ts';
import type { QueryClause } from './query-parser.ts';
import { closestWord } from './spelling.ts';
import { forEachSlotInAll, type PostingList, type TextIndex } from './text-index.ts';

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
  /** A word of a longer glossary term searched on its own ("детей" of "детей мигрантов"), against a clause of its own. */
  partWeight: 0.3,
  /** A word's own stem in a language the query is not written in. */
  foreignWeight: 0.5,
};

/** A way a clause can match: all of some keys (one per content word), at a weight. */
export interface KeyGroup {
  keys: string[];
  weight: number;
  /** False for a word's stem in a language the query is not in, or a cognate: not proof the word is known. */
  own?: boolean;
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
function ownGroups(index: TextIndex, text: string, weight: number, queryLanguages: readonly string[]): KeyGroup[] {
  const groups: KeyGroup[] = [];
  for (const lang of index.languages) {
    const keys = analyze(text, lang).map((t) => t.key);
    // Read in a language the query is not in, a stem match is weaker evidence ("vivenda" is Italian "viv…").
    if (keys.length)
      groups.push({ keys, weight: queryLanguages.includes(lang) ? weight : weight * rankingParams.foreignWeight, own: queryLanguages.includes(lang) });
  }
  return groups;
}

/**
 * Whether a clause's word is known: read in one of the query's languages, as a glossary term,
 * or spelt exactly as some practice spells it. A stem that only another language's stemmer
 * finds does not make a misspelt word known.
 */
function found(index: TextIndex, groups: KeyGroup[], word: string): boolean {
  return index.vocabulary.has(word) || groups.some((g) => g.own !== false && g.keys.every((k) => (index.postings.get(k)?.length ?? 0) > 0));
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
      if (lang !== from) groups.push({ keys: stems.map((s) => `${lang}:${s}`), weight: rankingParams.cognateWeight, own: false });
    }
  }
  return groups;
}

/** The key groups of a clause: its own words in every language, its glossary equivalents, cognates, and a spelling correction when its word is unknown. */
export function clauseGroups(index: TextIndex, clause: QueryClause, queryLanguages: string[] = []): { groups: KeyGroup[]; correctedTo?: string } {
  const groups = [
    ...ownGroups(index, clause.text, 1, queryLanguages),
    ...cognateGroups(
      index,
      clause.text,
      queryLanguages.filter((l) => l !== 'en'),
    ),
  ];
  for (const alt of clause.alternatives) {
    const keys = analyze(alt.text, alt.lang).map((t) => t.key);
    if (keys.length) groups.push({ keys, weight: rankingParams.alternativeWeight });
  }
  let correctedTo: string | undefined;
  if (!found(index, groups, clause.text) && !clause.text.includes(' ') && clause.alternatives.length === 0) {
    correctedTo = closestWord(index, clause.text);
    if (correctedTo) {
      groups.push(...ownGroups(index, correctedTo, rankingParams.correctionWeight, queryLanguages));
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

/**
 * Scratch arrays sized to the index, reused by every search: a scoring pass is synchronous,
 * so two searches never share them at once. Touched slots are listed so that only they are
 * reset, never the whole array.
 */
class Scratch {
  tf = new Float32Array(0);
  score = new Float32Array(0);
  /** Slots already listed in a pass's result. */
  mark = new Uint8Array(0);
  touched = new Int32Array(0);
  all = new Int32Array(0);
  ensure(size: number): void {
    if (this.tf.length >= size) return;
    this.tf = new Float32Array(size);
    this.score = new Float32Array(size);
    this.mark = new Uint8Array(size);
    this.touched = new Int32Array(size);
    this.all = new Int32Array(size);
  }
}
const scratch = new Scratch();

/** Adds one key's counts, times a weight, into tf; newly touched slots are appended to scratch.touched. */
function addKey(index: TextIndex, key: string, weight: number, epoch: Epoch, count: number): number {
  const list = index.postings.get(key);
  if (!list) return count;
  const { alive } = index;
  const { tf, touched } = scratch;
  const w = postingWeights(epoch, list);
  const { slots } = list;
  for (let j = 0; j < list.length; j++) {
    const slot = slots[j];
    if (!alive[slot]) continue;
    if (tf[slot] === 0) touched[count++] = slot;
    tf[slot] += weight * w[j];
  }
  return count;
}

/** A multi-word key group: documents holding every word (see forEachSlotInAll), counted by the word they hold least. */
function addAllOf(index: TextIndex, g: KeyGroup, epoch: Epoch, count: number): number {
  const lists = g.keys.map((k) => index.postings.get(k));
  if (lists.some((l) => !l)) return count;
  const held = lists as PostingList[];
  const weights = held.map((list) => postingWeights(epoch, list));
  const { tf, touched } = scratch;
  forEachSlotInAll(held, index.alive, (slot, at) => {
    let least = weights[0][at[0]];
    for (let w = 1; w < weights.length; w++) least = Math.min(least, weights[w][at[w]]);
    if (tf[slot] === 0) touched[count++] = slot;
    tf[slot] += g.weight * least;
  });
  return count;
}

/** Per-slot relevance of a query's clauses: slots touched (in no particular order), their scores, and a report per clause. */
export interface ScoredSlots {
  slots: Int32Array;
  scores: Float32Array;
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
    clauses.map((clause) => ({
      text: clause.text,
      ...cachedClauseGroups(index, clause, queryLanguages),
      ...(clause.partOfTerm ? { weight: rankingParams.partWeight, hidden: true } : {}),
    })),
  );
}

/** Resolved clauses kept per index state: new queries mostly reuse words already resolved (their glossary equivalents analysed, their spelling looked up). */
const groupCacheSize = 5000;
const groupCaches = new WeakMap<TextIndex, { generation: number; entries: Map<string, ReturnType<typeof clauseGroups>> }>();

function cachedClauseGroups(index: TextIndex, clause: QueryClause, queryLanguages: string[]): ReturnType<typeof clauseGroups> {
  let cache = groupCaches.get(index);
  if (!cache || cache.generation !== index.generation) {
    cache = { generation: index.generation, entries: new Map() };
    groupCaches.set(index, cache);
  }
  // The alternatives follow from the text and the languages (the parser's glossary look-up).
  const id = `${queryLanguages.join(',')}|${clause.partOfTerm ? 'part' : ''}|${clause.text}|${clause.alternatives.length}`;
  let resolved = cache.entries.get(id);
  if (!resolved) {
    resolved = clauseGroups(index, clause, queryLanguages);
    if (cache.entries.size >= groupCacheSize) cache.entries.clear();
    cache.entries.set(id, resolved);
  }
  return resolved;
}

/** A clause is broad when its postings outnumber the slots divided by this: scored densely, through the cache. */
const denseFraction = 8;
/** Broad clauses whose per-slot counts are kept: at 100k practices 400 KB each. */
const denseCacheSize = 128;

/** Total postings of a clause's keys: the work of scoring it sparsely. */
function postingsOf(index: TextIndex, groups: KeyGroup[]): number {
  let total = 0;
  for (const g of groups) for (const k of g.keys) total += index.postings.get(k)?.length ?? 0;
  return total;
}

interface DenseEntry {
  counts: Float32Array;
  /** Slots the counts cover: later ones (new or changed practices) are patched in. */
  slotCount: number;
  /** The weights' epoch (see posting-weights.ts): a new one recomputes. */
  epoch: number;
}
const denseCaches = new WeakMap<TextIndex, Map<string, DenseEntry>>();

/** Adds a group's weighted counts for slots from `from` on into counts: single keys from the postings' tail (slots only grow). */
function addGroupFrom(index: TextIndex, g: KeyGroup, epoch: Epoch, counts: Float32Array, from: number): void {
  if (g.keys.length === 1) {
    const list = index.postings.get(g.keys[0]);
    if (!list) return;
    const w = postingWeights(epoch, list);
    const { slots } = list;
    let j = list.length - 1;
    while (j >= 0 && slots[j] >= from) j--;
    for (j++; j < list.length; j++) counts[slots[j]] += g.weight * w[j];
    return;
  }
  if (from === 0) {
    // The whole range: the sparse all-of pass, through the scratch arrays, copied out.
    const count = addAllOf(index, g, epoch, 0);
    const { tf, touched } = scratch;
    for (let i = 0; i < count; i++) {
      counts[touched[i]] += tf[touched[i]];
      tf[touched[i]] = 0;
    }
    return;
  }
  let least: Map<number, number> | undefined;
  for (const key of g.keys) {
    const list = index.postings.get(key);
    if (!list) return;
    const w = postingWeights(epoch, list);
    const here = new Map<number, number>();
    for (let j = list.length - 1; j >= 0 && list.slots[j] >= from; j--) here.set(list.slots[j], w[j]);
    least = least ? new Map([...least].filter(([slot]) => here.has(slot)).map(([slot, w]) => [slot, Math.min(w, here.get(slot) as number)])) : here;
  }
  for (const [slot, w] of least ?? []) counts[slot] += g.weight * w;
}

/**
 * A broad clause's weighted counts for every slot, cached per index: the words people search
 * for most ("migrants", "city", "housing") come back in most new queries. A write appends
 * slots, which are patched in from the postings' tails; the old slot of a changed practice is
 * dead and skipped by the caller.
 */
function denseCounts(index: TextIndex, groups: KeyGroup[], epoch: Epoch): Float32Array {
  let cache = denseCaches.get(index);
  if (!cache) {
    cache = new Map();
    denseCaches.set(index, cache);
  }
  const id = groups.map((g) => `${g.weight}*${g.keys.join('+')}`).join(',');
  let entry = cache.get(id);
  if (entry && entry.epoch !== epoch.id) entry = undefined;
  if (entry && entry.slotCount < index.slotCount) {
    const counts = new Float32Array(index.slotSeq.length);
    counts.set(entry.counts.subarray(0, Math.min(entry.counts.length, counts.length)));
    for (const g of groups) addGroupFrom(index, g, epoch, counts, entry.slotCount);
    entry = { ...entry, counts, slotCount: index.slotCount };
  }
  if (!entry) {
    const counts = new Float32Array(index.slotSeq.length);
    for (const g of groups) addGroupFrom(index, g, epoch, counts, 0);
    entry = { counts, slotCount: index.slotCount, epoch: epoch.id };
  }
  cache.delete(id);
  cache.set(id, entry);
  if (cache.size > denseCacheSize) cache.delete(cache.keys().next().value as string);
  return entry.counts;
}

/** One clause resolved to the key groups it matches through. */
export interface ResolvedClause {
  text: string;
  groups: KeyGroup[];
  correctedTo?: string;
  /** A factor on the clause's score (1 unless given). */
  weight?: number;
  /** Scored but not reported (a word of a longer term). */
  hidden?: boolean;
}

/** BM25F over resolved clauses (see scoreClauses). */
export function scoreGroups(index: TextIndex, clauses: ResolvedClause[]): ScoredSlots {
  scratch.ensure(index.slotCount);
  const epoch = currentEpoch(index, rankingParams);
  const { tf, score, touched, all } = scratch;
  const seen = scratch.mark;
  let allCount = 0;
  const reports: ClauseReport[] = [];
  const markKeys = new Set<string>();
  const n = index.size;
  const { k1 } = rankingParams;
  const { alive, slotCount } = index;
  for (const { text, groups, correctedTo, weight = 1, hidden } of clauses) {
    for (const g of groups) if (g.keys.every((k) => index.postings.has(k))) for (const k of g.keys) markKeys.add(k);
    // A broad clause's counts come from the clause cache (patched for new slots); a narrow one's are added up in tf.
    const dense = postingsOf(index, groups) > slotCount / denseFraction ? denseCounts(index, groups, epoch) : undefined;
    let df = 0;
    if (dense) {
      for (let slot = 0; slot < slotCount; slot++) if (dense[slot] > 0 && alive[slot]) touched[df++] = slot;
    } else {
      for (const g of groups) df = g.keys.length === 1 ? addKey(index, g.keys[0], g.weight, epoch, df) : addAllOf(index, g, epoch, df);
    }
    if (!hidden) reports.push({ text, matches: df, ...(correctedTo && df ? { correctedTo } : {}) });
    const idf = weight * Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (let i = 0; i < df; i++) {
      const slot = touched[i];
      const t = dense ? dense[slot] : tf[slot];
      tf[slot] = 0;
      if (!seen[slot]) {
        seen[slot] = 1;
        all[allCount++] = slot;
      }
      score[slot] += (idf * t * (k1 + 1)) / (t + k1);
    }
  }
  // In the order first touched: callers map slots to rows themselves, so no sort of up to every slot.
  const slots = all.slice(0, allCount);
  const scores = new Float32Array(allCount);
  for (let i = 0; i < allCount; i++) {
    const slot = slots[i];
    scores[i] = score[slot];
    score[slot] = 0;
    seen[slot] = 0;
  }
  return { slots, scores, reports, markKeys };
}

/** The index keys of a word in every language documents are read in (exclusions look these up). */
export function wordKeys(index: TextIndex, word: string): string[] {
  return [...index.languages].map((lang) => wordKey(word, lang));
}
