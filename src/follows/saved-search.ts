import type { Database } from '../db/database.ts';
import { facetParams, parseSearchParams, type SearchParams } from '../search/search.params.ts';
import { matchingPractices } from '../search/search-filters.ts';

/**
 * A search as a follow keeps it: its query and filters in a fixed order, without page or sort,
 * so that the same search followed from two URLs is one follow. Empty when nothing narrows it.
 * @example canonicalSearch(new URLSearchParams('theme=health&q=housing&page=2')) // 'q=housing&theme=health'
 */
export function canonicalSearch(query: URLSearchParams): string {
  const { params } = parseSearchParams(query);
  return serialize(params);
}

function serialize(params: SearchParams): string {
  const out = new URLSearchParams();
  if (params.q) out.set('q', params.q);
  for (const name of facetParams) for (const v of [...params[name]].sort()) out.append(name, v);
  if (params.from !== undefined) out.set('from', String(params.from));
  if (params.to !== undefined) out.set('to', String(params.to));
  return out.toString();
}

/**
 * Which of the saved searches find a practice, as the search page would find it now.
 * @example const hits = await searchesFinding(db, ['q=housing', 'theme=health'], 'abc');
 */
export async function searchesFinding(db: Database, searches: string[], practiceId: string): Promise<string[]> {
  const found: string[] = [];
  for (const search of searches) {
    const { params } = parseSearchParams(new URLSearchParams(search));
    const row = await (await matchingPractices(db, params, 'en')).select('p.id').where('p.id', '=', practiceId).executeTakeFirst();
    if (row) found.push(search);
  }
  return found;
}
