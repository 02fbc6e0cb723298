import { forEachSlotInAll, type PostingList, type TextIndex } from './text-index.ts';

/**
 * Marks of an all-of walk, sized to the index and reused by every walk (a walk is synchronous):
 * how many of the group's lists hold a slot so far, and the least weight among them. Every
 * slot a walk marks is reset before it returns.
 */
let hitsOf = new Uint8Array(0);
let leastOf = new Float32Array(0);

function marks(slots: number): { hits: Uint8Array; least: Float32Array } {
  if (hitsOf.length < slots) {
    // With room to spare: every write adds a slot, and each would otherwise reallocate.
    const size = Math.ceil(slots * 1.25) + 1024;
    hitsOf = new Uint8Array(size);
    leastOf = new Float32Array(size);
  }
  return { hits: hitsOf, least: leastOf };
}

/**
 * Calls `visit(slot, least)` for each live slot every list holds, with the least of its
 * postings' weights there. Lists of comparable length are walked whole, each marking the slots
 * the lists before it all hold (a few sequential passes); a rare list among common ones is
 * looked up in them by galloping (forEachSlotInAll), so a common word costs what the rare one
 * matches.
 */
export function forEachLeastOfAll(index: TextIndex, lists: PostingList[], weights: Float32Array[], visit: (slot: number, least: number) => void): void {
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
  const { hits, least } = marks(index.slotCount);
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
export function listsOf(index: TextIndex, keys: string[]): PostingList[] | undefined {
  const lists: PostingList[] = [];
  for (const key of new Set(keys)) {
    const list = index.postings.get(key);
    if (!list) return undefined;
    lists.push(list);
  }
  return lists;
}
