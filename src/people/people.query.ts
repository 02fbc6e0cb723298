import { z } from 'zod';
import { countryParam, optionalParam } from '../http/query-params.ts';
import { blankToUndefined } from '../shared/form-values.ts';
import { themes } from '../vocabulary/vocabularies.ts';

/** Most people in one page of the list or one answer of the API. */
export const maxPeoplePageSize = 100;

/** The filters of GET /people and GET /api/v1/people; unknown parameters and malformed values are a 400. */
export const peopleQuery = z
  .object({
    q: optionalParam(z.string().trim().max(200, 'at most 200 characters')),
    theme: optionalParam(z.enum(themes)),
    country: optionalParam(countryParam()),
    language: optionalParam(z.string().trim().max(40, 'at most 40 characters')),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
    page_size: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(maxPeoplePageSize).default(20)),
  })
  .strict();

export type PeopleQuery = z.infer<typeof peopleQuery>;
