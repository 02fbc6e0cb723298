import { z } from 'zod';
import { blankToUndefined } from '../shared/form-values.ts';

/**
 * A query parameter that may be left out or blank (a filter form sends "" for "all").
 * @example z.object({ theme: optionalParam(z.enum(themes)) })
 */
export const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** A country as a query gives it: an ISO 3166-1 alpha-2 code in either case, read in upper case. */
export const countryParam = () =>
  z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "DE"')
    .transform((c) => c.toUpperCase());
