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

/**
 * The documents holding one key: their slots and, per slot, the key's count in each field
 * (one byte each, packed: title in the low byte). Grows by doubling.
 */
export class PostingList {
  slots = new Int32Array(4);
  counts = new Uint32Array(4);
  length = 0;
  /** Bumped when compaction moves postings: what is kept per position (ranking's weights) is then stale. */
  compactions = 0;

  /** Appends a slot with its packed field counts. */
  push(slot: number, packed: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const counts = new Uint32Array(this.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.slots[this.length] = slot;
    this.counts[this.length] = packed;
    this.length++;
  }

  /** Drops the postings of dead slots, keeping the order. */
  compact(alive: Uint8Array): void {
    let k = 0;
    for (let j = 0; j < this.length; j++) {
      if (alive[this.slots[j]]) {
        this.slots[k] = this.slots[j];
        this.counts[k] = this.counts[j];
        k++;
      }
    }
    if (k !== this.length) this.compactions++;
    this.length = k;
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

/** Stands in word sequences for a stop word, which is not indexed but keeps its place. */
const stopWordId = -2;

/** Whether a sequence holds the ids one after another somewhere. */
function holdsRun(sequence: Int32Array, ids: number[]): boolean {
  const last = sequence.length - ids.length;
  // The native indexOf finds each candidate start (many times faster than a loop over every word).
  for (let i = sequence.indexOf(ids[0]); i >= 0 && i <= last; i = sequence.indexOf(ids[0], i + 1)) {
    let k = 1;
    while (k < ids.length && sequence[i + k] === ids[k]) k++;
    if (k === ids.length) return true;
  }
  return false;
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
  /** Each live slot's words as key numbers, in order, parts separated by -1: what phrases are checked on. */
  private readonly sequences: (Int32Array | undefined)[] = [];
  private readonly keyIds = new Map<string, number>();
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
    const words = new Set<string>();
    const sequence: number[] = [];
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
          sequence.push(this.idOf(key));
        },
        () => sequence.push(stopWordId),
      );
      // A phrase never runs from one part into the next.
      sequence.push(-1);
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
      list.push(slot, packed);
    }
    for (const w of words) this.vocabulary.set(w, (this.vocabulary.get(w) ?? 0) + 1);
    this.sequences[slot] = Int32Array.from(sequence);
    this.hashOfSeq.set(doc.seq, doc.hash);
  }

  /** The number standing for a key in word sequences. */
  private idOf(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
    }
    return id;
  }

  /**
   * The live slots holding the keys side by side, in this order, in one part of the text; a
   * null stands for any stop word ("city of sanctuary" is citi, null, sanctuari), as phrase
   * search in PostgreSQL counts their positions.
   * @example index.slotsWithSequence(['en:languag', 'en:cours'])
   */
  slotsWithSequence(keys: (string | null)[]): number[] {
    const ids = keys.map((k) => (k === null ? stopWordId : this.keyIds.get(k)));
    const lists = keys.filter((k): k is string => k !== null).map((k) => this.postings.get(k));
    if (ids.some((id) => id === undefined) || lists.length === 0 || lists.some((l) => !l)) return [];
    // Candidates hold every word: the rarest word's slots, kept where each other list has them too.
    const ordered = (lists as PostingList[]).slice().sort((a, b) => a.length - b.length);
    const out: number[] = [];
    const at = new Array<number>(ordered.length).fill(0);
    const first = ordered[0];
    outer: for (let j = 0; j < first.length; j++) {
      const slot = first.slots[j];
      if (!this.alive[slot]) continue;
      for (let w = 1; w < ordered.length; w++) {
        const list = ordered[w];
        at[w] = seek(list.slots, list.length, at[w], slot);
        if (at[w] >= list.length) break outer;
        if (list.slots[at[w]] !== slot) continue outer;
      }
      const seq = this.sequences[slot];
      if (seq && (ids.length === 1 || holdsRun(seq, ids as number[]))) out.push(slot);
    }
    return out;
  }

  /** Removes a practice (its slot dies; postings are dropped at the next compaction). */
  remove(seq: number): void {
    const slot = this.slotOfSeq.get(seq);
    if (slot === undefined) return;
    this.generation++;
    this.alive[slot] = 0;
    this.sequences[slot] = undefined;
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
