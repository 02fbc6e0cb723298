/**
 * Seeded randomness for the benchmark corpus: the same seed and index always give the same
 * record, whatever the size of the corpus, so a 10k corpus is a prefix of the 100k one.
 */

/** A random number generator returning floats in [0, 1). */
export type Rng = () => number;

/**
 * sfc32 seeded through splitmix32 from a seed and a stream number (the record index).
 * @example const rng = seededRng(42, 7); rng() // 0.123…
 */
export function seededRng(seed: number, stream = 0): Rng {
  let s = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)) >>> 0;
  const mix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next: Rng = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** An integer in [min, max]. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** One item, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/**
 * Samples items with given weights in O(log n) by binary search over cumulative weights.
 * @example const s = new WeightedSampler(['a', 'b'], [3, 1]); s.sample(rng) // 'a' three times in four
 */
export class WeightedSampler<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0) throw new Error('WeightedSampler needs at least one item');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += weights[i] ?? 0;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }
  sample(rng: Rng): T {
    const x = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
  /** Up to n distinct items (fewer when the list is shorter). */
  sampleDistinct(rng: Rng, n: number): T[] {
    const out = new Set<T>();
    const want = Math.min(n, this.items.length);
    for (let tries = 0; out.size < want && tries < want * 20; tries++) out.add(this.sample(rng));
    return [...out];
  }
}

/**
 * Zipf-like sampler: the item at rank r (0-based) has weight 1 / (r + q)^s, as word
 * frequencies in natural text do (Zipf–Mandelbrot).
 * @example zipf(['refugees', 'housing', 'rent']).sample(rng)
 */
export function zipf<T>(items: readonly T[], s = 1.07, q = 2.7): WeightedSampler<T> {
  return new WeightedSampler(
    items,
    items.map((_, r) => 1 / (r + q) ** s),
  );
}
