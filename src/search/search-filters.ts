import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { facetCondition, facetParams } from './facets.ts';
import type { SearchParams } from './search.params.ts';
import { matchedSeqs } from './search.service.ts';

type PracticesEb = ExpressionBuilder<DB & { p: DB['practices'] }, 'p'>;

/** The SQL conditions of a search's filters and period, all to hold together. */
function filterConditions(eb: PracticesEb, params: SearchParams): Expression<SqlBool>[] {
  const conditions = facetParams.filter((name) => params[name].length).map((name) => facetCondition(eb, name, params[name]));
  if (params.from !== undefined) conditions.push(eb('p.started', '>=', params.from));
  if (params.to !== undefined) conditions.push(eb('p.started', '<=', params.to));
  return conditions;
}

/**
 * Published practices matching a search's query and filters: the base that exports, feeds, the
 * map and place pages select from. The query is matched as on the search page (best match,
 * every language), in memory.
 * @example const rows = await (await matchingPractices(db, params, 'en')).select(['p.id']).execute();
 */
export async function matchingPractices(db: Database, params: SearchParams, locale: string) {
  const seqs = params.q ? await matchedSeqs(db, params.q, locale) : null;
  return db
    .selectFrom('practices as p')
    .$if(seqs !== null, (qb) => qb.where(sql<SqlBool>`p.seq = ANY(${seqs ?? []}::int[])`))
    .where((eb) => eb.and(filterConditions(eb, params)));
}
