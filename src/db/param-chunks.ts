/** Bind parameters per multi-row statement, well under the protocol's 65,535. */
export const maxParams = 30_000;

/**
 * Splits items into runs whose summed cost in bind parameters stays under maxParams (one item
 * at least per run), so each run fits one multi-row statement.
 * @example for (const chunk of chunkByParams(rows, () => 5)) await db.insertInto('cities').values(chunk).execute();
 */
export function chunkByParams<T>(items: T[], cost: (item: T) => number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const c = cost(item);
    if (current.length > 0 && used + c > maxParams) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += c;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
