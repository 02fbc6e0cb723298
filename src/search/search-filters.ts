import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { FacetParam, SearchParams } from './search.params.ts';
import { expandQuery } from './glossary.ts';
import { textConfigFor } from './text-configs.ts';
import { normalizeForSearch } from './text-normalize.ts';

type PracticesEb = ExpressionBuilder<DB & { p: DB['practices'] }, 'p'>;

/**
 * The tsquery of a search: the words stemmed in the interface language OR taken verbatim
 * (language-neutral), both accent-folded by the ch_* configurations, after the same Arabic
 * folding and Chinese segmentation as the indexed text. Words the multilingual glossary knows
 * also match their equivalents in other languages, each stemmed in its own language.
 * @example sql`m.full_vec @@ ${textQuery('logement réfugiés', 'fr')}`
 */
export function textQuery(q: string, locale: string): RawBuilder<unknown> {
  const parts = textQueryParts(q, locale);
  if (!parts) {
    const cfg = textConfigFor(locale);
    const text = normalizeForSearch(q);
    return sql`(websearch_to_tsquery(${cfg}::regconfig, ${text}) || websearch_to_tsquery('ch_simple', ${text}))`;
  }
  return sql`(${sql.join(
    parts.map((p) => p.query),
    sql` && `,
  )})`;
}

/** One part of a query that the glossary expanded: a key naming it, and its tsquery. */
export interface TextQueryPart {
  key: string;
  query: RawBuilder<unknown>;
}

/**
 * The parts of a query the glossary expanded (a word or term with its equivalents), each its
 * own tsquery, ANDed together by textQuery; undefined for a query in web-search syntax. A
 * part's matches do not depend on the others, so they can be cached and intersected.
 * @example textQueryParts('refugee housing', 'en')?.map((p) => p.key) // ['en|refugee', 'en|housing']
 */
export function textQueryParts(q: string, locale: string): TextQueryPart[] | undefined {
  const cfg = textConfigFor(locale);
  const parts = expandQuery(q);
  if (!parts) return undefined;
  return parts.map((part) => {
    const own = normalizeForSearch(part.text);
    const alternatives = part.alternatives.map((alt) => {
      const text = normalizeForSearch(alt.text);
      return sql`plainto_tsquery(${textConfigFor(alt.lang)}::regconfig, ${text}) || plainto_tsquery('ch_simple', ${text})`;
    });
    return {
      key: `${locale}|${part.text}`,
      query: sql`(${sql.join([sql`plainto_tsquery(${cfg}::regconfig, ${own})`, sql`plainto_tsquery('ch_simple', ${own})`, ...alternatives], sql` || `)})`,
    };
  });
}

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
 * facet's own filter): the base that result pages, exports, feeds and the map select from.
 * @example const rows = await matchingPractices(db, params, 'en').select(['p.id']).execute();
 */
export function matchingPractices(db: Database, params: SearchParams, locale: string, options: { except?: FacetParam } = {}) {
  return db
    .selectFrom('practices as p')
    .where('p.state', '=', 'published')
    .$if(params.q.length > 0, (qb) => qb.where(sql<SqlBool>`p.seq IN (SELECT unnest(practice_matches(${textQuery(params.q, locale)})))`))
    .where((eb) => {
      const conditions = Object.entries(filterConditions(eb, params))
        .filter(([name]) => name !== options.except)
        .map(([, cond]) => cond as Expression<SqlBool>);
      return eb.and(conditions);
    });
}
