import { forEachLeastOfAll, listsOf } from './all-of.ts';
import { type ConceptGroups, conceptGroups } from './concept-groups.ts';
import { everyConcept } from './glossary-index.ts';
import { currentEpoch, type Epoch, postingWeights } from './posting-weights.ts';
import { type KeyGroup, rankingParams } from './ranking-params.ts';
import type { TextIndex } from './text-index.ts';

/**
 * Per-slot counts of broad clauses and broad glossary concepts, kept per index across writes
 * (patched for the slots a write appends) and made again when the weights' epoch changes: a
 * broad word's hundreds of thousands of postings are summed once, not in every new query.
 */

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
    const lists = listsOf(index, g.keys);
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
export function isBroad(index: TextIndex, groups: KeyGroup[]): boolean {
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
export function denseCounts(index: TextIndex, groups: KeyGroup[], epoch: Epoch, concept?: ConceptGroups): Float32Array {
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
  const epoch = currentEpoch(index, rankingParams);
  let made = 0;
  const kept = conceptCaches.get(index);
  for (const set of everyConcept) {
    const concept = conceptGroups(set);
    if (kept?.get(concept.id)?.epoch === epoch.id || !isBroad(index, concept.groups)) continue;
    conceptCounts(index, concept, epoch);
    made++;
  }
  return made;
}
