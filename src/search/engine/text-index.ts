import { forEachKey } from './analyzer.ts';

/** The fields of a search document, in order of importance: ranking weighs them differently. */
export const fields = ['title', 'summary', 'context', 'body'] as const;
export type Field = (typeof fields)[number];
export const fieldCount = fields.length;
/** One occurrence in field f, in the packed counts. */
const fieldUnit = [1, 1 << 8, 1 << 16, 2 ** 24];

/** A piece of a practice's text: which field it belongs to and the language to read it in. */
export interface DocPart {
  field: Field;
  text: string;
  language: string;
}

/** A practice as the index takes it: its key, a hash of its content, its texts. */
export interface IndexDoc {
  seq: number;
  hash: string;
  parts: DocPart[];
}

/** Copies an array into a new one of `size`. */
function grown<T extends Int32Array | Uint32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
}

/**
 * The documents holding one key: their slots and, per slot, the key's count in each field
 * (one byte each, packed: title in the low byte) and the key's positions in the document's
 * words (what quoted phrases are checked on). Grows by doubling.
 */
export class PostingList {
  slots = new Int32Array(4);
  counts = new Uint32Array(4);
  length = 0;
  /** Where each posting's positions start in `positions`; they end where the next posting's start (the last at `positionCount`). */
  starts = new Int32Array(4);
  positions = new Int32Array(8);
  positionCount = 0;
  /** Bumped when compaction moves postings: what is kept per position (ranking's weights) is then stale. */
  compactions = 0;

  /** Appends a slot with its packed field counts and its positions (ascending). */
  push(slot: number, packed: number, at: number[]): void {
    if (this.length === this.slots.length) {
      this.slots = grown(this.slots, this.length * 2);
      this.counts = grown(this.counts, this.length * 2);
      this.starts = grown(this.starts, this.length * 2);
    }
    if (this.positionCount + at.length > this.positions.length)
      this.positions = grown(this.positions, Math.max(this.positions.length * 2, this.positionCount + at.length));
    this.slots[this.length] = slot;
    this.counts[this.length] = packed;
    this.starts[this.length] = this.positionCount;
    for (const p of at) this.positions[this.positionCount++] = p;
    this.length++;
  }

  /** The end of posting j's positions. */
  positionsEnd(j: number): number {
    return j + 1 < this.length ? this.starts[j + 1] : this.positionCount;
  }

  /** Drops the postings of dead slots, keeping the order. */
  compact(alive: Uint8Array): void {
    let k = 0;
    let kept = 0;
    for (let j = 0; j < this.length; j++) {
      const from = this.starts[j];
      const to = this.positionsEnd(j);
      if (alive[this.slots[j]]) {
        this.slots[k] = this.slots[j];
        this.counts[k] = this.counts[j];
        this.starts[k] = kept;
        // Positions only move down: copying in order never overwrites one not yet read.
        this.positions.copyWithin(kept, from, to);
        kept += to - from;
        k++;
      }
    }
    if (k !== this.length) this.compactions++;
    this.length = k;
    this.positionCount = kept;
  }
}

/** The first position at or after `from` whose slot is at least `slot` (slots ascend): a galloping search. */
export function seek(slots: Int32Array, length: number, from: number, slot: number): number {
  if (from >= length || slots[from] >= slot) return from;
  let step = 1;
  let lo = from;
  while (lo + step < length && slots[lo + step] < slot) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, length);
  // slots[lo] < slot; the answer is in (lo, hi].
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (slots[mid] < slot) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Calls `visit` for each live slot that every list holds, with `at[i]` the position of that slot
 * in `lists[i]`: the rarest list's slots are the candidates, looked up in the others by
 * galloping (slots ascend), so a common word costs what the rare one matches, not its whole list.
 * @example forEachSlotInAll([a, b], index.alive, (slot, at) => out.push(slot));
 */
export function forEachSlotInAll(lists: PostingList[], alive: Uint8Array, visit: (slot: number, at: number[]) => void): void {
  if (lists.length === 0) return;
  const order = lists.map((_, i) => i).sort((x, y) => lists[x].length - lists[y].length);
  const at = new Array<number>(lists.length).fill(0);
  const rarest = lists[order[0]];
  outer: for (let j = 0; j < rarest.length; j++) {
    const slot = rarest.slots[j];
    if (!alive[slot]) continue;
    at[order[0]] = j;
    for (let k = 1; k < order.length; k++) {
      const i = order[k];
      const list = lists[i];
      at[i] = seek(list.slots, list.length, at[i], slot);
      if (at[i] >= list.length) break outer;
      if (list.slots[at[i]] !== slot) continue outer;
    }
    visit(slot, at);
  }
}

/** Positions between two parts of a text: no phrase runs from one part into the next. */
const partGap = 1024;

/** Whether a sorted range of positions holds p. */
function holds(positions: Int32Array, from: number, to: number, p: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && positions[lo] === p;
}

/**
 * An inverted index of the published practices' texts, held in memory: per key (a stem in a
 * language) the practices holding it and how often in each field; per practice the length of
 * each field. Updated in place: a changed practice gets a new slot and its old slot dies,
 * so searches never see half a document. A key's postings are in slot order.
 */
export class TextIndex {
  /** Practice key of each slot, and whether the slot is the practice's current text. */
  slotSeq = new Int32Array(1024);
  alive = new Uint8Array(1024);
  /** Field lengths in tokens, slot-major: slot s has lengths[s * fieldCount + f]. */
  lengths = new Uint16Array(1024 * fieldCount);
  slotCount = 0;
  liveCount = 0;
  /** Bumped by every change, so what is derived from lengths (ranking's field norms) knows to recompute. */
  generation = 0;
  /** Sum of each field's length over the live documents, for the average. */
  lengthSums = new Float64Array(fieldCount);
  readonly postings = new Map<string, PostingList>();
  /** Every folded word seen, with how many documents hold it: the dictionary of typo corrections. */
  readonly vocabulary = new Map<string, number>();
  /** Languages that documents were read in: a query word is looked up in each. */
  readonly languages = new Set<string>(['en']);
  private readonly slotOfSeq = new Map<number, number>();
  private readonly hashOfSeq = new Map<number, string>();
  private deadSinceCompaction = 0;

  /** The number of live documents. */
  get size(): number {
    return this.liveCount;
  }

  /** The content hash indexed for a practice, if any. */
  hashOf(seq: number): string | undefined {
    return this.hashOfSeq.get(seq);
  }

  /** The live slot of a practice, if indexed. */
  slotOf(seq: number): number | undefined {
    return this.slotOfSeq.get(seq);
  }

  /** Every practice key in the index. */
  seqs(): IterableIterator<number> {
    return this.slotOfSeq.keys();
  }

  /** Average length of a field over live documents (at least 1). */
  averageLength(f: number): number {
    return this.liveCount ? Math.max(1, this.lengthSums[f] / this.liveCount) : 1;
  }

  /**
   * Adds a practice's text, replacing what was indexed for it before.
   * @example index.put({ seq: 1, hash: 'h', parts: [{ field: 'title', text: 'Housing first', language: 'en' }] });
   */
  put(doc: IndexDoc): void {
    this.remove(doc.seq);
    this.generation++;
    const slot = this.newSlot(doc.seq);
    const counts = new Map<string, number>();
    const positions = new Map<string, number[]>();
    const words = new Set<string>();
    let position = 0;
    for (const part of doc.parts) {
      const f = fields.indexOf(part.field);
      const shift = 8 * f;
      const one = fieldUnit[f];
      this.languages.add(part.language);
      const length = forEachKey(
        part.text,
        part.language,
        (word, key) => {
          const packed = counts.get(key) ?? 0;
          // Saturate each field's byte at 255 instead of carrying into the next field.
          if (((packed >>> shift) & 0xff) < 255) counts.set(key, packed + one);
          words.add(word);
          const at = positions.get(key);
          if (at) at.push(position++);
          else positions.set(key, [position++]);
        },
        // A stop word is not indexed but keeps its place.
        () => position++,
      );
      position += partGap;
      const at = slot * fieldCount + f;
      this.lengths[at] = Math.min(65535, this.lengths[at] + length);
    }
    for (let f = 0; f < fieldCount; f++) this.lengthSums[f] += this.lengths[slot * fieldCount + f];
    for (const [key, packed] of counts) {
      let list = this.postings.get(key);
      if (!list) {
        list = new PostingList();
        this.postings.set(key, list);
      }
      list.push(slot, packed, positions.get(key) as number[]);
    }
    for (const w of words) this.vocabulary.set(w, (this.vocabulary.get(w) ?? 0) + 1);
    this.hashOfSeq.set(doc.seq, doc.hash);
  }

  /**
   * The live slots holding the keys side by side, in this order, in one part of the text; a
   * null holds a stop word's place ("city of sanctuary" is citi, null, sanctuari: any one word
   * between them), as phrase search in PostgreSQL counts positions. Checked on the keys'
   * positions in the documents holding all of them.
   * @example index.slotsWithSequence(['en:languag', 'en:cours'])
   */
  slotsWithSequence(keys: (string | null)[]): number[] {
    const words = keys.flatMap((k, offset) => (k === null ? [] : [{ list: this.postings.get(k), offset }]));
    if (words.length === 0 || words.some((w) => !w.list)) return [];
    const placed = words as { list: PostingList; offset: number }[];
    const out: number[] = [];
    forEachSlotInAll(
      placed.map((w) => w.list),
      this.alive,
      (slot, at) => {
        if (this.inSequence(placed, at)) out.push(slot);
      },
    );
    return out;
  }

  /** Whether the words, at postings `at` of their lists (one document), stand at their offsets from one another somewhere. */
  private inSequence(words: { list: PostingList; offset: number }[], at: number[]): boolean {
    const anchor = words[0];
    const a = anchor.list;
    for (let i = a.starts[at[0]], end = a.positionsEnd(at[0]); i < end; i++) {
      const start = a.positions[i] - anchor.offset;
      let all = true;
      for (let w = 1; w < words.length && all; w++) {
        const { list, offset } = words[w];
        all = holds(list.positions, list.starts[at[w]], list.positionsEnd(at[w]), start + offset);
      }
      if (all) return true;
    }
    return false;
  }

  /** Removes a practice (its slot dies; postings are dropped at the next compaction). */
  remove(seq: number): void {
    const slot = this.slotOfSeq.get(seq);
    if (slot === undefined) return;
    this.generation++;
    this.alive[slot] = 0;
    this.liveCount--;
    for (let f = 0; f < fieldCount; f++) this.lengthSums[f] -= this.lengths[slot * fieldCount + f];
    this.slotOfSeq.delete(seq);
    this.hashOfSeq.delete(seq);
    this.deadSinceCompaction++;
    if (this.deadSinceCompaction > 1000 && this.deadSinceCompaction > this.liveCount / 4) this.compact();
  }

  /** Drops dead slots' postings from every list (keys left with none go too). */
  compact(): void {
    for (const [key, list] of this.postings) {
      list.compact(this.alive);
      if (list.length === 0) this.postings.delete(key);
    }
    this.deadSinceCompaction = 0;
  }

  private newSlot(seq: number): number {
    if (this.slotCount === this.slotSeq.length) {
      const grow = <T extends Int32Array | Uint8Array | Uint16Array>(a: T, size: number): T => {
        const b = new (a.constructor as new (n: number) => T)(size);
        b.set(a);
        return b;
      };
      const capacity = this.slotSeq.length * 2;
      this.slotSeq = grow(this.slotSeq, capacity);
      this.alive = grow(this.alive, capacity);
      this.lengths = grow(this.lengths, capacity * fieldCount);
    }
    const slot = this.slotCount++;
    this.slotSeq[slot] = seq;
    this.alive[slot] = 1;
    this.liveCount++;
    this.slotOfSeq.set(seq, slot);
    return slot;
  }
}
