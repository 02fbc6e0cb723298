import { forEachLeastOfAll, listsOf } from './all-of.ts';
import { analyze, wordKey } from './analyzer.ts';
import { type ConceptGroups, conceptGroups } from './concept-groups.ts';
import { denseCounts, isBroad } from './dense-counts.ts';
import { conceptsOf, glossaryAlternatives, queryWords } from './glossary-index.ts';
import { currentEpoch, type Epoch, postingWeights } from './posting-weights.ts';
import type { QueryClause } from './query-parser.ts';
import { type KeyGroup, rankingParams } from './ranking-params.ts';
import { closestWord } from './spelling.ts';
import type { TextIndex } from './text-index.ts';

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
  ensure(slots: number): void {
    if (this.tf.length >= slots) return;
    // With room to spare: every write adds a slot, and each would otherwise reallocate.
    const size = Math.ceil(slots * 1.25) + 1024;
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

/** A multi-word key group: documents holding every word, counted by the word they hold least. */
function addAllOf(index: TextIndex, g: KeyGroup, epoch: Epoch, count: number): number {
  const lists = listsOf(index, g.keys);
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
