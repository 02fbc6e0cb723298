/** Percentiles and number formatting shared by the benchmarks. */

/** Percentile of a sorted array (nearest rank). */
export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** p50, p95, p99 and max of a list of times (sorts the list in place). */
export function summary(list: number[]): { p50: number; p95: number; p99: number; max: number } {
  list.sort((a, b) => a - b);
  return { p50: pct(list, 50), p95: pct(list, 95), p99: pct(list, 99), max: list[list.length - 1] ?? Number.NaN };
}

/** Milliseconds for a table: one decimal below 10, none above; a dash for no value. */
export const ms = (v: number) => (Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));
