import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import { isAssessmentCriterion } from '../assessments/assessment-criteria.ts';
import type { DB } from '../db/schema.ts';
import { countryName, m49Region } from '../geo/countries.ts';
import type { Translator } from '../i18n/i18n.ts';
import { placeLabel, regionLabel } from '../views/labels.ts';
import { actorTypes, statuses, themes } from '../vocabulary/vocabularies.ts';

type PracticesEb = ExpressionBuilder<DB & { p: DB['practices'] }, 'p'>;

/**
 * One filter of the catalogue search, everything about it in one place: the URL parameter and
 * how its values are read, what a practice's values are (one SQL expression over `practices p`,
 * read into the in-memory snapshot and used by SQL filters), and how a value is named to a
 * reader. The parameter parser, the SQL filter, the in-memory facet engine, the facet panel,
 * the chips and "clear all" are all derived from the list below: adding a facet is one entry.
 */
export interface FacetDefinition<P extends string = string> {
  /** URL parameter and facet name. */
  param: P;
  /** A raw URL value as stored (case and form normalised), or undefined when it is not one of this facet's values. */
  parse(raw: string): string | undefined;
  /** The practice's values as SQL over `p`: a text[] (`many`) or a single text; NULLs are no value. */
  values: RawBuilder<unknown>;
  many: boolean;
  /** A display name stored beside the value (a city's name), read into the snapshot; the greatest per value is kept. */
  storedLabel?: RawBuilder<string | null>;
  /** How selected values match in SQL when an index serves it better than comparing `values`. */
  match?(eb: PracticesEb, values: string[]): Expression<SqlBool>;
  /** The name a reader sees for a value, in their language. */
  label(i18n: Translator, value: string, storedLabel?: string | null): string;
}

const oneOf = (list: readonly string[]) => (raw: string) => {
  const v = raw.trim().toLowerCase();
  return list.includes(v) ? v : undefined;
};

function define<const P extends string>(d: FacetDefinition<P>): FacetDefinition<P> {
  return d;
}

/** The search's facets, in the order they are shown. */
export const facets = [
  define({
    param: 'theme',
    parse: oneOf(themes),
    values: sql`p.themes`,
    many: true,
    label: (i18n, v) => i18n.t(`theme.${v}`),
  }),
  define({
    param: 'region',
    parse: (raw) => {
      const v = raw.trim();
      return /^\d{3}$/.test(v) && m49Region(v) !== undefined ? v : undefined;
    },
    // Each practice counts under its region, sub-region and intermediate region (UN M49).
    values: sql`array_remove(array[p.region, p.subregion, p.intermediate_region], NULL)`,
    many: true,
    match: (eb, values) => eb.or([eb('p.region', 'in', values), eb('p.subregion', 'in', values), eb('p.intermediate_region', 'in', values)]),
    label: (i18n, v) => regionLabel(i18n, v),
  }),
  define({
    param: 'country',
    parse: (raw) => {
      const v = raw.trim().toUpperCase();
      return /^[A-Z]{2}$/.test(v) ? v : undefined;
    },
    values: sql`p.country::text`,
    many: false,
    match: (eb, values) => eb('p.country', 'in', values),
    label: (i18n, v) => countryName(v, i18n.locale),
  }),
  define({
    param: 'city',
    /** `<country>-<city slug>` in lower case, e.g. `it-turin`. */
    parse: (raw) => {
      const v = raw.trim().toLowerCase();
      return /^[a-z]{2}-[\p{L}\p{N}-]{1,120}$/u.test(v) ? v : undefined;
    },
    values: sql`lower(p.country) || '-' || p.city_slug`,
    many: false,
    storedLabel: sql<string | null>`p.city`,
    label: (i18n, v, name) => placeLabel(i18n, name ?? v.slice(3), v.slice(0, 2).toUpperCase()),
  }),
  define({
    param: 'actor',
    parse: oneOf(actorTypes),
    values: sql`p.actor_types`,
    many: true,
    label: (i18n, v) => i18n.t(`actor.${v}`),
  }),
  define({
    param: 'target',
    // Target groups are free text as recorded.
    parse: (raw) => {
      const v = raw.trim();
      return v.length > 0 && v.length <= 120 ? v : undefined;
    },
    values: sql`p.target_groups`,
    many: true,
    label: (_i18n, v) => v,
  }),
  define({
    param: 'status',
    parse: oneOf(statuses),
    values: sql`p.status`,
    many: false,
    match: (eb, values) => eb('p.status', 'in', values),
    label: (i18n, v) => i18n.t(`status.${v}`),
  }),
  define({
    param: 'evidence',
    parse: (raw) => {
      const v = raw.trim();
      return /^[1-5]$/.test(v) ? v : undefined;
    },
    values: sql`p.evidence_level::text`,
    many: false,
    match: (eb, values) => eb('p.evidence_level', 'in', values.map(Number)),
    label: (i18n, v) => i18n.t(`evidence.${v}`),
  }),
  define({
    param: 'assessed',
    // Assessment criteria an editor judged "yes": practical, innovative, successful, transferable.
    parse: (raw) => {
      const v = raw.trim().toLowerCase();
      return isAssessmentCriterion(v) ? v : undefined;
    },
    values: sql`p.assessed`,
    many: true,
    label: (i18n, v) => i18n.t(`search.assessed.${v}`),
  }),
] as const;

export type FacetParam = (typeof facets)[number]['param'];

/** Facet parameters, in the order facets are shown. */
export const facetParams: readonly FacetParam[] = facets.map((f) => f.param);

const byParam = new Map<string, FacetDefinition>(facets.map((f) => [f.param, f]));

/** The definition of a facet. */
export function facet(param: FacetParam): FacetDefinition<FacetParam> {
  return byParam.get(param) as FacetDefinition<FacetParam>;
}

/**
 * The SQL condition "the practice has one of these values" of a facet.
 * @example facetCondition(eb, 'theme', ['housing'])
 */
export function facetCondition(eb: PracticesEb, param: FacetParam, values: string[]): Expression<SqlBool> {
  const f = facet(param);
  if (f.match) return f.match(eb, values);
  const selected = sql`${sql.val(values)}::text[]`;
  return f.many ? sql<SqlBool>`${f.values} && ${selected}` : sql<SqlBool>`${f.values} = ANY(${selected})`;
}

/**
 * A facet's values of each practice as a set-returning SQL expression (one row per value), for
 * counting values with GROUP BY.
 */
export function facetValuesSql(param: FacetParam): RawBuilder<string> {
  const f = facet(param);
  return f.many ? sql<string>`unnest(${f.values})` : sql<string>`${f.values}`;
}

/**
 * The name a reader sees for a facet value.
 * @example facetValueLabel(i18n, 'theme', 'housing') // 'Housing'
 */
export function facetValueLabel(i18n: Translator, param: FacetParam, value: string, storedLabel?: string | null): string {
  return facet(param).label(i18n, value, storedLabel);
}
