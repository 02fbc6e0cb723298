import { z } from 'zod';
import { framework } from '../framework/framework.ts';
import { optionalParam } from '../http/query-params.ts';
import { sizeBands } from './size-band.ts';

/** The UN M49 regions a city can be filtered by. */
export const benchmarkRegions = ['002', '019', '142', '150', '009'] as const;

/** GET /benchmark's filters: region, size band, one dimension, and the order. Unknown values are a 400. */
export const benchmarkQuery = z
  .object({
    region: optionalParam(z.enum(benchmarkRegions)),
    band: optionalParam(z.enum(sizeBands)),
    dimension: optionalParam(z.enum(framework.dimensions.map((d) => d.code) as [string, ...string[]])),
    sort: optionalParam(z.enum(['score', 'city', 'coverage'])),
  })
  .strict();

export type BenchmarkQuery = z.infer<typeof benchmarkQuery>;
