import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { FacetParam, SearchParams } from './search.params.ts';
import { matchedSeqs } from './search.service.ts';

type PracticesEb = ExpressionBuilder<DB & { p: DB['practices'] }, 'p'>;

/** One SQL condition per active filter, keyed by its parameter, so a facet can leave its own out. */
export function filterConditions(eb: PracticesEb, params: SearchParams): Partial<Record<FacetParam | 'period', Expression<SqlBool>>> {
  const c: Partial<Record<FacetParam | 'period', Expression<SqlBool>>> = {};
  const arr = (values: string[]) => sql`${sql.val(values)}::text[]`;
  if (params.theme.length) c.theme = sql<SqlBool>`p.themes && ${arr(params.theme)}`;
  if (params.actor.length) c.actor = sql<SqlBool>`p.actor_types && ${arr(params.actor)}`;
  if (params.target.length) c.target = sql<SqlBool>`p.target_groups && ${arr(params.target)}`;
  if (params.status.length) c.status = eb('p.status', 'in', params.status);
  if (params.country.length) c.country = eb('p.country', 'in', params.country);
  if (params.region.length) {
    c.region = eb.or([
      eb('p.region', 'in', params.region),
      eb('p.subregion', 'in', params.region),
      eb('p.intermediate_region', 'in', params.region),
    ]);
  }
  if (params.city.length) c.city = sql<SqlBool>`(lower(p.country) || '-' || p.city_slug) = ANY(${arr(params.city)})`;
  if (params.evidence.length) c.evidence = eb('p.evidence_level', 'in', params.evidence);
  if (params.assessed.length) c.assessed = sql<SqlBool>`p.assessed && ${arr(params.assessed)}`;
  if (params.from !== undefined || params.to !== undefined) {
    const parts: Expression<SqlBool>[] = [];
    if (params.from !== undefined) parts.push(eb('p.started', '>=', params.from));
    if (params.to !== undefined) parts.push(eb('p.started', '<=', params.to));
    c.period = eb.and(parts);
  }
  return c;
}

/**
 * Published practices matching a search's query and filters (all of them, or all but one
 * facet's own filter): the base that exports, feeds, the map and place pages select from. The
 * query is matched as on the search page (best match, every language), in memory.
 * @example const rows = await (await matchingPractices(db, params, 'en')).select(['p.id']).execute();
 */
export async function matchingPractices(db: Database, params: SearchParams, locale: string, options: { except?: FacetParam } = {}) {
  const seqs = params.q ? await matchedSeqs(db, params.q, locale) : null;
  return db
    .selectFrom('practices as p')
    .where('p.state', '=', 'published')
    .$if(seqs !== null, (qb) => qb.where(sql<SqlBool>`p.seq = ANY(${seqs ?? []}::int[])`))
    .where((eb) => {
      const conditions = Object.entries(filterConditions(eb, params))
        .filter(([name]) => name !== options.except)
        .map(([, cond]) => cond as Expression<SqlBool>);
      return eb.and(conditions);
    });
}
