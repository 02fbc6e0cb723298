import { type Expression, expressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { filterConditions, matchingPractices, textQuery } from './search-filters.ts';
import type { FacetParam, SearchParams, SortOrder } from './search.params.ts';
import type { SearchHit } from './search.types.ts';
import { textConfigFor } from './text-configs.ts';

/** Most values listed per facet (selected values are always kept). */
const facetLimit = 40;

/** Sentinels around matched words in snippets; replaced by <mark> after HTML-escaping. */
export const markStart = '\u0002';
export const markEnd = '\u0003';

/** A row of a result page, before presentation. */
export type HitRow = Omit<SearchHit, 'snippetHtml'> & { snippet: string | null };

/**
 * One page of results. Relevance ranks on the compact ranking vector (title, summary, themes,
 * places) plus a static quality score — never on the long text, which is only matched; the
 * snippet is computed for the returned page only.
 */
export async function findHitPage(
  db: Database,
  params: SearchParams,
  locale: string,
  sort: SortOrder,
  limit: number,
  offset: number,
): Promise<HitRow[]> {
  const tsq = params.q ? textQuery(params.q, locale) : null;
  const rank = sort === 'relevance' && tsq ? sql<number>`ts_rank(p.rank_vec, ${tsq}, 1) + 0.1 * p.quality` : sql<number>`0`;
  const page = matchingPractices(db, params, locale)
    .select(['p.id', 'p.title', 'p.summary', 'p.city', 'p.country', 'p.themes', 'p.status', 'p.started', 'p.created_at'])
    .select([rank.as('rank'), sql<string>`lower(p.title)`.as('title_key')])
    .$call((qb) => orderKeys(sort).reduce((acc, key) => acc.orderBy(key), qb))
    .limit(limit)
    .offset(offset);

  const snippet: RawBuilder<string | null> = tsq
    ? sql<string>`ts_headline(${textConfigFor(locale)}::regconfig, page.summary, ${tsq},
        ${`StartSel=${markStart}, StopSel=${markEnd}, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql<null>`NULL`;
  // The outer query computes headlines for the page's rows only, in the page's order.
  const rows = await db
    .selectFrom(page.as('page'))
    .selectAll('page')
    .select(snippet.as('snippet'))
    .$call((qb) => orderKeys(sort, 'page').reduce((acc, key) => acc.orderBy(key), qb))
    .execute();
  return rows as unknown as HitRow[];
}

/** ORDER BY terms of a sort, on the practices table or on the page subquery. */
function orderKeys(sort: SortOrder, table: 'p' | 'page' = 'p') {
  const rank = table === 'p' ? sql`rank` : sql`page.rank`;
  const keys: Record<SortOrder, RawBuilder<unknown>[]> = {
    relevance: [sql`${rank} DESC`, sql`${sql.ref(`${table}.id`)}`],
    // Practices loaded together share created_at; the more recent start year comes first then.
    newest: [sql`${sql.ref(`${table}.created_at`)} DESC`, sql`${sql.ref(`${table}.started`)} DESC NULLS LAST`, sql`${sql.ref(`${table}.id`)}`],
    title: [sql`${table === 'p' ? sql`lower(p.title)` : sql`page.title_key`}`, sql`${sql.ref(`${table}.id`)}`],
  };
  return keys[sort];
}

/** Raw facet counts: facet name, value, count; plus the total under the key 'total'. */
export interface FacetCountRow {
  facet: FacetParam | 'total';
  value: string | null;
  label: string | null;
  n: number;
}

/**
 * The total and every facet's counts in one statement: matching rows are read once into a
 * materialised CTE with one boolean per active filter; each facet then counts the rows that
 * pass every filter except its own (so picking a theme does not hide the other themes).
 */
export async function countFacets(db: Database, params: SearchParams, locale: string): Promise<FacetCountRow[]> {
  const eb = expressionBuilder<DB & { p: DB['practices'] }, 'p'>();
  const conditions = filterConditions(eb, params) as Partial<Record<string, Expression<SqlBool>>>;
  const active = Object.keys(conditions);
  const flagColumns = active.map((name) => sql<boolean>`(${conditions[name] as Expression<SqlBool>})`.as(`f_${name}`));
  const passes = (except?: FacetParam): RawBuilder<unknown> => {
    const names = active.filter((n) => n !== except);
    return names.length ? sql.join(names.map((n) => sql.ref(`m.f_${n}`)), sql` AND `) : sql`TRUE`;
  };
  const base = matchingPractices(db, { ...params, theme: [], region: [], country: [], city: [], actor: [], target: [], status: [], evidence: [], assessed: [], from: undefined, to: undefined }, locale)
    .select([
      'p.themes',
      'p.region',
      'p.subregion',
      'p.intermediate_region',
      'p.country',
      'p.city',
      sql<string>`lower(p.country) || '-' || p.city_slug`.as('city_key'),
      'p.actor_types',
      'p.target_groups',
      'p.status',
      'p.evidence_level',
      'p.assessed',
    ])
    .$if(flagColumns.length > 0, (qb) => qb.select(flagColumns as never));

  const selected = (name: FacetParam) => sql`${sql.val((params[name] as (string | number)[]).map(String))}::text[]`;
  // The value is computed in the select list (an array facet is unnested there, a set-returning
  // projection) after the filters: a lateral unnest per row was 10x slower at 65k matches.
  const facet = (name: FacetParam, value: RawBuilder<unknown>, label: RawBuilder<unknown> = sql`NULL`) => sql`
    SELECT ${sql.lit(name)} AS facet, x.v AS value, max(x.label) AS label, count(*) AS n
    FROM (SELECT ${value} AS v, ${label} AS label FROM m WHERE ${passes(name)}) x
    WHERE x.v IS NOT NULL GROUP BY x.v`;

  const statement = sql<FacetCountRow>`
    WITH m AS MATERIALIZED (${base}),
    counts AS (
      ${facet('theme', sql`unnest(m.themes)`)}
      UNION ALL ${facet('region', sql`unnest(ARRAY[m.region, m.subregion, m.intermediate_region]::text[])`)}
      UNION ALL ${facet('country', sql`m.country::text`)}
      UNION ALL ${facet('city', sql`m.city_key`, sql`m.city`)}
      UNION ALL ${facet('actor', sql`unnest(m.actor_types)`)}
      UNION ALL ${facet('target', sql`unnest(m.target_groups)`)}
      UNION ALL ${facet('status', sql`m.status`)}
      UNION ALL ${facet('evidence', sql`m.evidence_level::text`)}
      UNION ALL ${facet('assessed', sql`unnest(m.assessed)`)}
    ),
    ranked AS (
      SELECT c.*, row_number() OVER (PARTITION BY c.facet ORDER BY c.n DESC, c.value) AS rn FROM counts c
    )
    SELECT facet, value, label, n FROM ranked
    WHERE rn <= ${facetLimit}
      OR (facet = 'theme' AND value = ANY(${selected('theme')}))
      OR (facet = 'region' AND value = ANY(${selected('region')}))
      OR (facet = 'country' AND value = ANY(${selected('country')}))
      OR (facet = 'city' AND value = ANY(${selected('city')}))
      OR (facet = 'actor' AND value = ANY(${selected('actor')}))
      OR (facet = 'target' AND value = ANY(${selected('target')}))
      OR (facet = 'status' AND value = ANY(${selected('status')}))
      OR (facet = 'evidence' AND value = ANY(${selected('evidence')}))
      OR (facet = 'assessed' AND value = ANY(${selected('assessed')}))
    UNION ALL
    SELECT 'total', NULL, NULL, count(*) FROM m WHERE ${passes()}`;
  const { rows } = await statement.execute(db);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
