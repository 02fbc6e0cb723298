import { stringify } from 'csv-stringify/sync';
import { findCity } from '../cities/city.repo.ts';
import { allCityFigures } from '../cities/figure.repo.ts';
import { partsText, storedParts } from '../cities/figure-parts.ts';
import type { Database } from '../db/database.ts';
import { framework } from '../framework/framework.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { apiRouter, type OpenAPIHono } from '../http/openapi.ts';
import { type AssessmentRecord, assessmentRecords } from '../self-assessment/assessment-record.ts';
import { latestPublicSnapshots, publicSnapshot, publishedSnapshots } from '../self-assessment/city-assessment.repo.ts';
import { assessmentRoute, cityAssessmentsRoute } from './city-data.schema.ts';
import { cityPageUrl } from './open-data.urls.ts';

/** A snapshot record with its addresses. */
const withUrls = (publicUrl: string, r: AssessmentRecord) => ({
  ...r,
  url: `${cityPageUrl(publicUrl, r.city.country, r.city.slug)}/assessment?snapshot=${r.id}`,
  api_url: `${publicUrl}/api/v1/assessments/${r.id}`,
});

/** A CSV for spreadsheets: BOM, header, formulas escaped. */
const csv = (rows: Record<string, unknown>[], columns: string[]) => stringify(rows, { bom: true, header: true, columns, escape_formulas: true });

/** The city of a path, or a 404 naming it. */
async function cityOf(db: Database, country: string, slug: string) {
  const city = /^[a-z]{2}$/i.test(country) ? await findCity(db, country.toUpperCase(), slug.toLowerCase()) : undefined;
  if (!city) throw notFound(`no city "${slug}" is recorded in "${country}"`);
  return city;
}

/**
 * Cities' self-assessments and figures as open data: a city's public snapshots
 * (GET /api/v1/cities/{country}/{slug}/assessments), one snapshot with every answer and its
 * scores unrounded (GET /api/v1/assessments/{id}), and as spreadsheets every city's latest
 * public scores (GET /cities/assessments.csv) and every yearly figure (GET /cities/figures.csv).
 * Private snapshots and drafts are never served here.
 */
export function cityDataRoutes({ db, config }: AppDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();

  app.openapi(cityAssessmentsRoute, async (c) => {
    const { country, slug } = c.req.valid('param');
    const city = await cityOf(db, country, slug);
    const rows = await publishedSnapshots(db, city.country, city.slug, false);
    const records = await assessmentRecords(db, rows);
    c.header('cache-control', 'public, max-age=60');
    return c.json({ total: records.length, items: records.map((r) => withUrls(config.publicUrl, r)) }, 200);
  });

  app.openapi(assessmentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = /^\d{1,18}$/.test(id) ? await publicSnapshot(db, id) : undefined;
    if (!row) throw notFound(`no published self-assessment ${id}`);
    const [record] = await assessmentRecords(db, [row]);
    c.header('cache-control', 'public, max-age=60');
    return c.json(withUrls(config.publicUrl, record), 200);
  });

  app.get('/cities/assessments.csv', async (c) => {
    const records = await assessmentRecords(db, await latestPublicSnapshots(db));
    const dimensions = framework.dimensions.map((d) => d.code);
    const rows = records.map((r) => ({
      country: r.city.country,
      slug: r.city.slug,
      published: r.published.slice(0, 10),
      framework_version: r.framework_version,
      example: r.example ? 'yes' : 'no',
      overall: r.overall.score ?? undefined,
      coverage: r.overall.coverage,
      provisional: r.overall.provisional ? 'yes' : 'no',
      ...Object.fromEntries(dimensions.map((d) => [d, r.dimensions[d]?.score ?? undefined])),
      url: withUrls(config.publicUrl, r).url,
    }));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="city-assessments.csv"');
    c.header('cache-control', 'public, max-age=60');
    return c.body(csv(rows, ['country', 'slug', 'published', 'framework_version', 'example', 'overall', 'coverage', 'provisional', ...dimensions, 'url']));
  });

  app.get('/cities/figures.csv', async (c) => {
    const rows = (await allCityFigures(db)).map((f) => ({
      country: f.country,
      city: f.city_name,
      slug: f.slug,
      indicator: f.indicator,
      year: f.year,
      // A list figure as its pairs, the way the figures import reads them back.
      value: f.parts !== null ? partsText(storedParts(f.parts)) : f.value,
      source_name: f.source_name,
      source_url: f.source_url ?? undefined,
      basis: f.basis ?? undefined,
      note: f.note ?? undefined,
      example: f.example ? 'yes' : 'no',
    }));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="city-figures.csv"');
    c.header('cache-control', 'public, max-age=60');
    return c.body(csv(rows, ['country', 'city', 'slug', 'indicator', 'year', 'value', 'source_name', 'source_url', 'basis', 'note', 'example']));
  });

  return app;
}
