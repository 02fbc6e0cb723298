import { analyze, wordKey } from './analyzer.ts';
import { type ConceptSet, conceptsOf, everyConcept, glossaryAlternatives, queryWords } from './glossary-index.ts';
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

/**
 * A glossary concept's terms as key groups, each at the weight of an equivalent: the part of a
 * clause's groups that every term of the concept shares, whatever language it was typed in.
 */
export interface ConceptGroups {
  id: string;
  groups: KeyGroup[];
  /** The weight of each group, by its keys joined by spaces. */
  weightOf: Map<string, number>;
}

const conceptGroupsOf = new Map<string, ConceptGroups>();

function conceptGroups(concept: ConceptSet): ConceptGroups {
  let made = conceptGroupsOf.get(concept.id);
  if (!made) {
    const weightOf = new Map<string, number>();
    for (const term of concept.terms) {
      const keys = analyze(term.text, term.lang).map((t) => t.key);
      if (keys.length) weightOf.set(keys.join(' '), rankingParams.alternativeWeight);
    }
    made = { id: concept.id, groups: [...weightOf].map(([keys, weight]) => ({ keys: keys.split(' '), weight })), weightOf };
    conceptGroupsOf.set(concept.id, made);
  }
  return made;
}

/** A clause resolved: the key groups it matches through, the misspelt word's correction, and the glossary concept its groups include. */
export interface ClauseGroups {
  groups: KeyGroup[];
  correctedTo?: string;
  concept?: ConceptGroups;
}

/** The key groups of a clause: its own words in every language, its glossary concept's terms, cognates, and a spelling correction when its word is unknown. */
export function clauseGroups(index: TextIndex, clause: QueryClause, queryLanguages: string[] = []): ClauseGroups {
  const groups = [
    ...ownGroups(index, clause.text, 1, queryLanguages),
    ...cognateGroups(
      index,
      clause.text,
      queryLanguages.filter((l) => l !== 'en'),
    ),
  ];
  const conceptSet = conceptsOf(clause.alternatives);
  const concept = conceptSet ? conceptGroups(conceptSet) : undefined;
  if (concept) groups.push(...concept.groups);
  else
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
  return { groups: [...best.values()], correctedTo, concept };
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
  /** An all-of group's walk: how many of its lists hold a slot so far, and the least weight among them. */
  hits = new Uint8Array(0);
  least = new Float32Array(0);
  ensure(slots: number): void {
    if (this.tf.length >= slots) return;
    // With room to spare: every write adds a slot, and each would otherwise reallocate.
    const size = Math.ceil(slots * 1.25) + 1024;
    this.tf = new Float32Array(size);
    this.score = new Float32Array(size);
    this.mark = new Uint8Array(size);
    this.touched = new Int32Array(size);
    this.all = new Int32Array(size);
    this.hits = new Uint8Array(size);
    this.least = new Float32Array(size);
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

/**
 * Calls `visit(slot, least)` for each live slot every list holds, with the least of its
 * postings' weights there. Lists of comparable length are walked whole, each marking the slots
 * the lists before it all hold (a few sequential passes); a rare list among common ones is
 * looked up in them by galloping (forEachSlotInAll), so a common word costs what the rare one
 * matches.
 */
function forEachLeastOfAll(index: TextIndex, lists: PostingList[], weights: Float32Array[], visit: (slot: number, least: number) => void): void {
  let shortest = 0;
  let longest = 0;
  for (let i = 1; i < lists.length; i++) {
    if (lists[i].length < lists[shortest].length) shortest = i;
    if (lists[i].length > lists[longest].length) longest = i;
  }
  if (lists[shortest].length * markedWalkRatio < lists[longest].length) {
    forEachSlotInAll(lists, index.alive, (slot, at) => {
      let least = weights[0][at[0]];
      for (let w = 1; w < weights.length; w++) least = Math.min(least, weights[w][at[w]]);
      visit(slot, least);
    });
    return;
  }
  const { hits, least } = scratch;
  const { alive } = index;
  const first = lists[shortest];
  const w0 = weights[shortest];
  for (let j = 0; j < first.length; j++) {
    const slot = first.slots[j];
    if (!alive[slot]) continue;
    hits[slot] = 1;
    least[slot] = w0[j];
  }
  let round = 1;
  for (let i = 0; i < lists.length; i++) {
    if (i === shortest) continue;
    const { slots, length } = lists[i];
    const w = weights[i];
    for (let j = 0; j < length; j++) {
      const slot = slots[j];
      if (hits[slot] !== round) continue;
      hits[slot] = round + 1;
      if (w[j] < least[slot]) least[slot] = w[j];
    }
    round++;
  }
  for (let j = 0; j < first.length; j++) {
    const slot = first.slots[j];
    if (hits[slot] === round) visit(slot, least[slot]);
    hits[slot] = 0;
    least[slot] = 0;
  }
}

/** Below this ratio of the longest list to the shortest, an all-of group walks its lists whole instead of galloping. */
const markedWalkRatio = 16;

/** The distinct posting lists of a group's keys, or undefined when one is missing (no document holds them all). */
function listsOf(index: TextIndex, g: KeyGroup): PostingList[] | undefined {
  const lists: PostingList[] = [];
  for (const key of new Set(g.keys)) {
    const list = index.postings.get(key);
    if (!list) return undefined;
    lists.push(list);
  }
  return lists;
}

/** A multi-word key group: documents holding every word, counted by the word they hold least. */
function addAllOf(index: TextIndex, g: KeyGroup, epoch: Epoch, count: number): number {
  const lists = listsOf(index, g);
  if (!lists) return count;
  const { tf, touched } = scratch;
  forEachLeastOfAll(
    index,
    lists,
    lists.map((list) => postingWeights(epoch, list)),
    (slot, least) => {
      if (tf[slot] === 0) touched[count++] = slot;
      tf[slot] += g.weight * least;
    },
  );
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

/**
 * Resolved clauses kept per index across writes: new queries mostly reuse words already resolved
 * (their glossary equivalents analysed, their spelling looked up), and a write changes neither
 * a word's analysis nor its equivalents. What a write can change is checked on use: a language
 * read for the first time resolves everything again, and a correction is dropped once some
 * practice spells the word as it was typed.
 */
const groupCacheSize = 5000;
const groupCaches = new WeakMap<TextIndex, { languages: number; entries: Map<string, { resolved: ClauseGroups; generation: number }> }>();

function cachedClauseGroups(index: TextIndex, clause: QueryClause, queryLanguages: string[]): ClauseGroups {
  let cache = groupCaches.get(index);
  if (!cache || cache.languages !== index.languages.size) {
    cache = { languages: index.languages.size, entries: new Map() };
    groupCaches.set(index, cache);
  }
  // The alternatives follow from the text and the languages (the parser's glossary look-up).
  const id = `${queryLanguages.join(',')}|${clause.partOfTerm ? 'part' : ''}|${clause.text}|${clause.alternatives.length}`;
  let kept = cache.entries.get(id);
  if (kept && kept.generation !== index.generation && kept.resolved.correctedTo && index.vocabulary.has(clause.text)) kept = undefined;
  if (!kept) {
    kept = { resolved: clauseGroups(index, clause, queryLanguages), generation: index.generation };
    if (cache.entries.size >= groupCacheSize) cache.entries.clear();
    cache.entries.set(id, kept);
  }
  return kept.resolved;
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
    const lists = listsOf(index, g);
    if (!lists) return;
    const weights = lists.map((list) => postingWeights(epoch, list));
    forEachLeastOfAll(index, lists, weights, (slot, least) => {
      counts[slot] += g.weight * least;
    });
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

/** Counts kept for broad concepts: at most this many bytes (at 100k practices 400 KB each, every concept of the glossary fits). */
const conceptCacheBytes = 160 * 1024 * 1024;
const conceptCaches = new WeakMap<TextIndex, Map<string, DenseEntry>>();

/**
 * Weighted counts for every slot, kept in a cache per index under an id (least recently used
 * dropped past `limit` entries): made by `fill` from slot 0, or patched by it from the first
 * slot they do not cover (a write appends slots; the old slot of a changed practice is dead and
 * skipped by the caller). A new epoch of the weights makes them again.
 */
function keptCounts(
  caches: WeakMap<TextIndex, Map<string, DenseEntry>>,
  limit: number,
  index: TextIndex,
  id: string,
  epoch: Epoch,
  fill: (counts: Float32Array, from: number) => void,
): Float32Array {
  let cache = caches.get(index);
  if (!cache) {
    cache = new Map();
    caches.set(index, cache);
  }
  let entry = cache.get(id);
  if (entry && entry.epoch !== epoch.id) entry = undefined;
  if (entry && entry.slotCount < index.slotCount) {
    // Patched in place while the slots fit (counts are only read synchronously, in one search).
    let counts = entry.counts;
    if (counts.length < index.slotCount) {
      counts = new Float32Array(index.slotSeq.length);
      counts.set(entry.counts);
    }
    fill(counts, entry.slotCount);
    entry = { ...entry, counts, slotCount: index.slotCount };
  }
  if (!entry) {
    const counts = new Float32Array(index.slotSeq.length);
    fill(counts, 0);
    entry = { counts, slotCount: index.slotCount, epoch: epoch.id };
  }
  cache.delete(id);
  cache.set(id, entry);
  while (cache.size > limit) cache.delete(cache.keys().next().value as string);
  return entry.counts;
}

/** Whether a set of groups is broad: its postings outnumber the slots divided by denseFraction. */
function isBroad(index: TextIndex, groups: KeyGroup[]): boolean {
  return postingsOf(index, groups) > index.slotCount / denseFraction;
}

/** A broad glossary concept's counts (every term at the weight of an equivalent), shared by every clause holding the concept. */
function conceptCounts(index: TextIndex, concept: ConceptGroups, epoch: Epoch): Float32Array {
  const limit = Math.max(16, Math.floor(conceptCacheBytes / (4 * index.slotSeq.length)));
  return keptCounts(conceptCaches, limit, index, concept.id, epoch, (counts, from) => {
    for (const g of concept.groups) addGroupFrom(index, g, epoch, counts, from);
  });
}

/**
 * A broad clause's weighted counts for every slot, cached per index: the words people search
 * for most ("migrants", "city", "housing") come back in most new queries. A clause holding a
 * broad glossary concept starts from the concept's counts, kept apart and shared by every word
 * and language of the concept, and adds only what its own words weigh beyond them: a new query
 * of a known concept costs its own words, not the concept's hundreds of thousands of postings.
 */
function denseCounts(index: TextIndex, groups: KeyGroup[], epoch: Epoch, concept?: ConceptGroups): Float32Array {
  const id = groups.map((g) => `${g.weight}*${g.keys.join('+')}`).join(',');
  return keptCounts(denseCaches, denseCacheSize, index, id, epoch, (counts, from) => {
    if (from > 0 || !concept || !isBroad(index, concept.groups)) {
      for (const g of groups) addGroupFrom(index, g, epoch, counts, from);
      return;
    }
    counts.set(conceptCounts(index, concept, epoch).subarray(0, counts.length));
    // Each of the clause's groups at what it weighs beyond the concept's weight for the same keys (never less: groups keep their highest weight).
    for (const g of groups) {
      const extra = g.weight - (concept.weightOf.get(g.keys.join(' ')) ?? 0);
      if (extra > 0) addGroupFrom(index, extra === g.weight ? g : { ...g, weight: extra }, epoch, counts, 0);
    }
  });
}

/**
 * Makes the counts of every broad glossary concept not yet counted in the current epoch, ahead
 * of the searches that need them (while warming up, and after a write that started a new epoch):
 * the words of the field's vocabulary are what most queries hold. Returns how many it made.
 * @example prepareBroadConcepts(index);
 */
export function prepareBroadConcepts(index: TextIndex): number {
  scratch.ensure(index.slotCount);
  const epoch = currentEpoch(index, rankingParams);
  let made = 0;
  const kept = conceptCaches.get(index);
  for (const set of everyConcept()) {
    const concept = conceptGroups(set);
    if (kept?.get(concept.id)?.epoch === epoch.id || !isBroad(index, concept.groups)) continue;
    conceptCounts(index, concept, epoch);
    made++;
  }
  return made;
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
  /** The glossary concept whose terms are among the groups. */
  concept?: ConceptGroups;
}

/** Lists the live slots a broad clause's counts reach into scratch.touched; returns how many. */
function touchedOfDense(dense: Float32Array, alive: Uint8Array, slotCount: number): number {
  const { touched } = scratch;
  let df = 0;
  for (let slot = 0; slot < slotCount; slot++) if (dense[slot] > 0 && alive[slot]) touched[df++] = slot;
  return df;
}

/**
 * Adds one clause's saturated, idf-weighted counts of the touched slots to their scores; counts
 * read from tf are reset. Returns how many slots are scored so far (listed in scratch.all).
 */
function addClauseScores(counts: Float32Array, df: number, idf: number, allCount: number): number {
  const { tf, score, touched, all, mark } = scratch;
  const { k1 } = rankingParams;
  for (let i = 0; i < df; i++) {
    const slot = touched[i];
    const t = counts[slot];
    tf[slot] = 0;
    if (!mark[slot]) {
      mark[slot] = 1;
      all[allCount++] = slot;
    }
    score[slot] += (idf * t * (k1 + 1)) / (t + k1);
  }
  return allCount;
}

/** BM25F over resolved clauses (see scoreClauses). The loops are small functions of their own: the optimising compiler handles them better than one long body. */
export function scoreGroups(index: TextIndex, clauses: ResolvedClause[]): ScoredSlots {
  scratch.ensure(index.slotCount);
  const epoch = currentEpoch(index, rankingParams);
  let allCount = 0;
  const reports: ClauseReport[] = [];
  const markKeys = new Set<string>();
  const n = index.size;
  const { alive, slotCount } = index;
  for (const { text, groups, correctedTo, weight = 1, hidden, concept } of clauses) {
    for (const g of groups) if (g.keys.every((k) => index.postings.has(k))) for (const k of g.keys) markKeys.add(k);
    // A broad clause's counts come from the clause cache (patched for new slots); a narrow one's are added up in tf.
    const dense = isBroad(index, groups) ? denseCounts(index, groups, epoch, concept) : undefined;
    let df = 0;
    if (dense) df = touchedOfDense(dense, alive, slotCount);
    else for (const g of groups) df = g.keys.length === 1 ? addKey(index, g.keys[0], g.weight, epoch, df) : addAllOf(index, g, epoch, df);
    if (!hidden) reports.push({ text, matches: df, ...(correctedTo && df ? { correctedTo } : {}) });
    const idf = weight * Math.log(1 + (n - df + 0.5) / (df + 0.5));
    allCount = addClauseScores(dense ?? scratch.tf, df, idf, allCount);
  }
  // In the order first touched: callers map slots to rows themselves, so no sort of up to every slot.
  const { score, mark, all } = scratch;
  const slots = all.slice(0, allCount);
  const scores = new Float32Array(allCount);
  for (let i = 0; i < allCount; i++) {
    const slot = slots[i];
    scores[i] = score[slot];
    score[slot] = 0;
    mark[slot] = 0;
  }
  return { slots, scores, reports, markKeys };
}

/** The index keys of a word in every language documents are read in (exclusions look these up). */
export function wordKeys(index: TextIndex, word: string): string[] {
  return [...index.languages].map((lang) => wordKey(word, lang));
}
