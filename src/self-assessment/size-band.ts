/** The size bands cities are compared within, by population. */
export const sizeBands = ['under-100k', '100k-500k', '500k-2m', 'over-2m'] as const;
export type SizeBand = (typeof sizeBands)[number];

/**
 * The size band of a population; undefined when the population is not known.
 * @example sizeBand(664_046) // '500k-2m'
 */
export function sizeBand(population: number | null | undefined): SizeBand | undefined {
  if (population === null || population === undefined) return undefined;
  if (population < 100_000) return 'under-100k';
  if (population < 500_000) return '100k-500k';
  if (population < 2_000_000) return '500k-2m';
  return 'over-2m';
}
