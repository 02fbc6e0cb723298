import { z } from 'zod';
import { m49Region } from '../geo/countries.ts';
import { countryParam, optionalParam } from '../http/query-params.ts';
import { blankToUndefined } from '../shared/form-values.ts';
import { actorTypes, themes } from '../vocabulary/vocabularies.ts';

/** Most organisations in one page of the directory or one answer of the API. */
export const maxOrganizationPageSize = 100;

/** The directory's filters, as GET /organizations and GET /api/v1/organizations read them; unknown values are a 400. */
export const organizationQuery = z
  .object({
    q: optionalParam(z.string().trim().max(200, 'at most 200 characters')),
    type: optionalParam(z.enum(actorTypes)),
    theme: optionalParam(z.enum(themes)),
    region: optionalParam(z.string().refine((r) => m49Region(r) !== undefined, 'must be a UN M49 region code such as "150" (Europe)')),
    country: optionalParam(countryParam()),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
    page_size: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(maxOrganizationPageSize).default(20)),
  })
  .strict();

export type OrganizationQuery = z.infer<typeof organizationQuery>;
