import { z } from 'zod';
import { m49Region } from '../geo/countries.ts';
import { optionalParam } from '../http/query-params.ts';
import { blankToUndefined } from '../shared/form-values.ts';
import { storableString } from '../shared/storable-text.ts';
import { themes } from '../vocabulary/vocabularies.ts';

/** The kinds of publication the library holds. */
export const resourceTypes = ['report', 'toolkit', 'guideline', 'video', 'webinar', 'dataset'] as const;

/** The UN regions (M49) a resource can be about, as the filter offers them. */
export const resourceRegions = ['001', '002', '019', '142', '150', '009'] as const;

/** Whether a code is a UN M49 region a resource can be about: the world ("001"), a region or a sub-region. */
export const isResourceRegion = (code: string) => code === '001' || m49Region(code) !== undefined;

/** Most resources in one page of the library or one answer of the API. */
export const maxResourcePageSize = 100;

/** The library's search and filters, as GET /resources, its exports and GET /api/v1/resources read them; unknown values are a 400. */
export const resourceQuery = z
  .object({
    q: optionalParam(storableString().trim().max(200, 'at most 200 characters')),
    type: optionalParam(z.enum(resourceTypes)),
    theme: optionalParam(z.enum(themes)),
    region: optionalParam(z.string().refine(isResourceRegion, 'must be a UN M49 region code such as "150" (Europe)')),
    language: optionalParam(z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "fr"')),
    year: optionalParam(z.coerce.number().int().min(1900).max(2100)),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
    page_size: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(maxResourcePageSize).default(20)),
  })
  .strict();

export type ResourceQuery = z.infer<typeof resourceQuery>;

/** The filters of a query (the search words and the page left out). */
export type ResourceFilter = Pick<ResourceQuery, 'type' | 'theme' | 'region' | 'language' | 'year'>;

/**
 * A query as a query string (without the page unless asked), for links that keep the search.
 * @example resourceQueryString({ theme: 'housing', page: 1, page_size: 20 }) // '?theme=housing'
 */
export function resourceQueryString(q: Partial<ResourceQuery>, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'type', 'theme', 'region', 'language', 'year'] as const) if (q[key] !== undefined && q[key] !== '') params.set(key, String(q[key]));
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}
