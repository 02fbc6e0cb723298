import { fieldCount, type PostingList, type TextIndex } from './text-index.ts';

/** BM25F's field weights and length normalisation (see rankingParams in ranking-params.ts). */
export interface FieldParams {
  weights: number[];
  b: number[];
}

/**
 * The averages field lengths are normalised against, frozen for an epoch: a new epoch starts
 * when the live documents or an average length drift by more than this fraction (or the
 * parameters change). Between epochs a write only adds its own slots' norms and postings'
 * weights, instead of every slot's and posting's again: the scores move by less than the drift.
 */
const epochDrift = 0.01;

export interface Epoch {
  index: TextIndex;
  id: number;
  params: string;
  liveCount: number;
  average: number[];
  /** weight / (1 − b + b·length/average) per slot and field, slot-major, for slots below `computed`. */
  norms: Float32Array;
  computed: number;
}

let epoch: Epoch | undefined;
let epochs = 0;

function drifted(e: Epoch, index: TextIndex, params: string): boolean {
  if (e.index !== index || e.params !== params) return true;
  if (Math.abs(index.liveCount - e.liveCount) > e.liveCount * epochDrift) return true;
  for (let f = 0; f < fieldCount; f++) if (Math.abs(index.averageLength(f) - e.average[f]) > e.average[f] * epochDrift) return true;
  return false;
}

/** The current epoch of an index, its slot norms covering every slot. */
export function currentEpoch(index: TextIndex, p: FieldParams): Epoch {
  const params = JSON.stringify([p.weights, p.b]);
  let e = epoch;
  if (!e || drifted(e, index, params)) {
    e = {
      index,
      id: ++epochs,
      params,
      liveCount: index.liveCount,
      average: Array.from({ length: fieldCount }, (_, f) => index.averageLength(f)),
      norms: new Float32Array(0),
      computed: 0,
    };
    epoch = e;
  }
  if (e.computed < index.slotCount) {
    if (e.norms.length < index.slotSeq.length * fieldCount) {
      const grown = new Float32Array(index.slotSeq.length * fieldCount);
      grown.set(e.norms.subarray(0, e.computed * fieldCount));
      e.norms = grown;
    }
    const { weights, b } = p;
    for (let slot = e.computed; slot < index.slotCount; slot++) {
      for (let f = 0; f < fieldCount; f++) {
        e.norms[slot * fieldCount + f] = weights[f] / (1 - b[f] + (b[f] * index.lengths[slot * fieldCount + f]) / e.average[f]);
      }
    }
    e.computed = index.slotCount;
  }
  return e;
}

interface ListWeights {
  epoch: number;
  compactions: number;
  weights: Float32Array;
  computed: number;
}
const listWeights = new WeakMap<PostingList, ListWeights>();

/**
 * Each posting's weighted, length-normalised count over the fields, aligned with the list's
 * slots: computed once per epoch, appended postings added as they come.
 * @example const w = postingWeights(currentEpoch(index, rankingParams), list); // w[j] for list.slots[j]
 */
export function postingWeights(e: Epoch, list: PostingList): Float32Array {
  let lw = listWeights.get(list);
  if (!lw || lw.epoch !== e.id || lw.compactions !== list.compactions) {
    lw = { epoch: e.id, compactions: list.compactions, weights: new Float32Array(list.slots.length), computed: 0 };
    listWeights.set(list, lw);
  }
  if (lw.computed < list.length) {
    if (lw.weights.length < list.length) {
      const grown = new Float32Array(list.slots.length);
      grown.set(lw.weights.subarray(0, lw.computed));
      lw.weights = grown;
    }
    const { norms } = e;
    const { slots, counts } = list;
    const w = lw.weights;
    for (let j = lw.computed; j < list.length; j++) {
      const packed = counts[j];
      const at = slots[j] * fieldCount;
      w[j] = (packed & 0xff) * norms[at] + ((packed >>> 8) & 0xff) * norms[at + 1] + ((packed >>> 16) & 0xff) * norms[at + 2] + (packed >>> 24) * norms[at + 3];
    }
    lw.computed = list.length;
  }
  return lw.weights;
}
