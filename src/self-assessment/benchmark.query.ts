import { z } from 'zod';
import { framework } from '../framework/framework.ts';
import { blankToUndefined } from '../shared/form-values.ts';
import { sizeBands } from './size-band.ts';

/** The UN M49 regions a city can be filtered by. */
export const benchmarkRegions = ['002', '019', '142', '150', '009'] as const;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** GET /benchmark's filters: region, size band, one dimension, and the order. Unknown values are a 400. */
export const benchmarkQuery = z
  .object({
    region: optional(z.enum(benchmarkRegions)),
    band: optional(z.enum(sizeBands)),
    dimension: optional(z.enum(framework.dimensions.map((d) => d.code) as [string, ...string[]])),
    sort: optional(z.enum(['score', 'city', 'coverage'])),
  })
  .strict();

export type BenchmarkQuery = z.infer<typeof benchmarkQuery>;
