import { assessmentCriteria, assessmentRatings } from '../assessments/assessment-criteria.ts';
import { cursorParam, pageSizeParam, z } from '../http/openapi.ts';
import { practiceRecordSchema } from '../practices/practice.schema.ts';
import { facetParams, maxQueryLength, sortOrders } from '../search/search.params.ts';

/** A filter of the search: one value, a comma-separated list, or the parameter repeated. */
const filterParam = (name: string, description: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ param: { name, in: 'query', style: 'form', explode: true }, description, type: 'string' });

const filterDescriptions: Record<string, string> = {
  theme: 'Theme code (see /api/v1/vocabularies/themes).',
  region: 'UN M49 region code such as "150" (Europe).',
  country: 'ISO 3166-1 alpha-2 country code.',
  city: 'City as country-slug, such as "de-berlin".',
  actor: 'Actor type code (see /api/v1/vocabularies/actor-types).',
  target: 'Target group (see /api/v1/vocabularies/target-groups).',
  status: 'Status: ongoing, ended, mainstreamed or unknown.',
  evidence: 'Evidence level, 1–5.',
  assessed: 'An assessment criterion the editors found met.',
};

/**
 * GET /api/v1/practices's parameters. Unknown parameters are refused here; the values are read
 * by the search's own parser (search.params.ts), which reports filter values it ignored.
 */
export const practiceListQuery = z
  .object({
    q: z
      .string()
      .optional()
      .openapi({ param: { name: 'q', in: 'query' }, description: `Words to search for (at most ${maxQueryLength} characters kept).` }),
    ...Object.fromEntries(facetParams.map((name) => [name, filterParam(name, filterDescriptions[name] ?? name)])),
    from: z
      .string()
      .optional()
      .openapi({ param: { name: 'from', in: 'query' }, description: 'Started in or after this year (1900–2100).' }),
    to: z
      .string()
      .optional()
      .openapi({ param: { name: 'to', in: 'query' }, description: 'Started in or before this year (1900–2100).' }),
    sort: z
      .string()
      .optional()
      .openapi({ param: { name: 'sort', in: 'query' }, description: `One of ${sortOrders.join(', ')}.`, enum: [...sortOrders] }),
    page: z
      .string()
      .optional()
      .openapi({
        param: { name: 'page', in: 'query' },
        description: 'Page number, from 1 (deep paging in the newest and title orders follows `next`, which carries a cursor).',
      }),
    page_size: pageSizeParam,
    cursor: cursorParam.openapi({
      description:
        "Opaque: copy it from the previous page's `next` URL. Given in the newest and title orders (no `q`, or `sort=newest|title`), where a page follows its last practice's key, so that writes in between neither repeat nor skip a practice; a search by relevance pages by number.",
    }),
    // Read with the other values by readOpenDataQuery, so that one answer names every bad parameter.
    lang: z
      .string()
      .optional()
      .openapi({ param: { name: 'lang', in: 'query' }, description: 'ISO 639-1 code of the language of `q`; by default the page language.', example: 'fr' }),
  })
  .strict();

const practiceItem = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  city: z.string().nullable(),
  country: z.string(),
  themes: z.array(z.string()),
  url: z.string().url(),
});

const facetValue = z.object({ value: z.string(), count: z.number().int(), selected: z.boolean(), label: z.string().optional() });

/** The body of GET /api/v1/practices (api.present.ts's ApiSearchResponse). */
export const practiceListResponse = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    lang: z.string(),
    items: z.array(practiceItem),
    facets: z.record(z.string(), z.array(facetValue)),
    next: z.string().url().nullable(),
    ignored: z.array(z.object({ param: z.string(), value: z.string() })),
    query_truncated: z.boolean().optional(),
    unmatched: z.array(z.string()).optional(),
    corrected: z.array(z.object({ word: z.string(), corrected_to: z.string() })).optional(),
  })
  .openapi('PracticeList');

const lineageLink = z.object({
  id: z.string(),
  changes: z.string().nullable(),
  title: z.string().nullable().describe('Null when the practice is not (yet) in this catalogue.'),
  city: z.string().nullable(),
  country: z.string().nullable(),
  url: z.string().url().nullable(),
});

/** The editors' assessment of a practice, as the API gives it. */
export const apiAssessment = z
  .object({
    ratings: z.object(Object.fromEntries(assessmentCriteria.map((c) => [c, z.object({ rating: z.enum(assessmentRatings), note: z.string() })]))),
    evidence_level: z.number().int().min(1).max(5),
    assessed_at: z.string().datetime({ offset: true }),
  })
  .openapi('PracticeAssessment');

/** The body of GET /api/v1/practices/{id}: the exchange record, its page, assessment and lineage. */
export const practiceRecordResponse = z
  .object({
    ...practiceRecordSchema.shape,
    url: z.string().url().describe('The public page of the practice.'),
    effective_license: z.string().describe("The licence the record is published under: the collection's, as the exchange documents state it (CC-BY-4.0)."),
    assessment: apiAssessment.nullable().describe('Null until an editor has assessed the practice.'),
    lineage: z.object({
      adapted_from: z.array(lineageLink).describe('The practices this one adapts.'),
      adapted_by: z.array(lineageLink).describe('The practices that adapt this one.'),
    }),
  })
  .openapi('Practice');

/** The path of GET /api/v1/practices/{id}. */
export const practiceIdParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'lyon-rent-repairs' }) });
