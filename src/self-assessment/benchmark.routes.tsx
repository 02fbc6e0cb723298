import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { framework } from '../framework/framework.ts';
import { regionsOf } from '../geo/countries.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { badRequest } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { type BenchmarkQuery, benchmarkQuery } from './benchmark.query.ts';
import { benchmarkRows } from './benchmark.service.ts';
import { BenchmarkPage } from './views/benchmark-page.tsx';

/** The query of a benchmark request, or a 400 naming each wrong parameter. */
function readQuery(url: string): BenchmarkQuery {
  const raw: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) raw[k] = v;
  const parsed = benchmarkQuery.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.') || ('keys' in i ? String(i.keys) : ''), message: i.message }));
  throw badRequest(fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
}

/** GET /benchmark and GET /benchmark.csv: the published indexes of every city, compared. */
export function benchmarkRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/benchmark', async (c) => {
    const query = readQuery(c.req.url);
    const { rows, examples } = await benchmarkRows(db, query);
    return renderPage(c, <BenchmarkPage rows={rows} query={query} examples={examples} />);
  });

  app.get('/benchmark.csv', async (c) => {
    const query = readQuery(c.req.url);
    const { rows } = await benchmarkRows(db, query);
    const dimensions = framework.dimensions.map((d) => d.code);
    const body = stringify(
      rows.map((r) => ({
        country: r.country,
        city: r.name,
        slug: r.slug,
        region: regionsOf(r.country).region ?? undefined,
        population: r.population ?? undefined,
        size_band: r.band,
        published: r.publishedAt.toISOString().slice(0, 10),
        example: r.example ? 'yes' : 'no',
        overall: r.scores.overall.score ?? undefined,
        coverage: r.scores.overall.coverage,
        provisional: r.scores.overall.provisional ? 'yes' : 'no',
        ...Object.fromEntries(dimensions.map((d) => [d, r.scores.dimensions[d]?.score ?? undefined])),
        url: `${config.publicUrl}/cities/${r.country.toLowerCase()}/${encodeURIComponent(r.slug)}/assessment?snapshot=${r.id}`,
      })),
      {
        bom: true,
        header: true,
        escape_formulas: true,
        columns: [
          'country',
          'city',
          'slug',
          'region',
          'population',
          'size_band',
          'published',
          'example',
          'overall',
          'coverage',
          'provisional',
          ...dimensions,
          'url',
        ],
      },
    );
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="benchmark.csv"');
    c.header('cache-control', 'public, max-age=60');
    return c.body(body);
  });

  return app;
}
