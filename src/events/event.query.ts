import { z } from 'zod';
import { blankToUndefined } from '../shared/form-values.ts';
import { themes } from '../vocabulary/vocabularies.ts';
import { eventTypes } from './event-types.ts';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** GET /events's filters: upcoming or past, a type, a theme, a country and the page; unknown values are a 400. */
export const eventQuery = z
  .object({
    when: z.preprocess(blankToUndefined, z.enum(['upcoming', 'past']).default('upcoming')),
    type: optional(z.enum(eventTypes)),
    theme: optional(z.enum(themes)),
    country: optional(
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "DE"')
        .transform((c) => c.toUpperCase()),
    ),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  })
  .strict();

export type EventQuery = z.infer<typeof eventQuery>;
