import { z } from 'zod';
import { countryParam, optionalParam } from '../http/query-params.ts';
import { blankToUndefined } from '../shared/form-values.ts';
import { themes } from '../vocabulary/vocabularies.ts';
import { eventTypes } from './event-types.ts';

/** GET /events's filters: upcoming or past, a type, a theme, a country and the page; unknown values are a 400. */
export const eventQuery = z
  .object({
    when: z.preprocess(blankToUndefined, z.enum(['upcoming', 'past']).default('upcoming')),
    type: optionalParam(z.enum(eventTypes)),
    theme: optionalParam(z.enum(themes)),
    country: optionalParam(countryParam()),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  })
  .strict();

export type EventQuery = z.infer<typeof eventQuery>;
