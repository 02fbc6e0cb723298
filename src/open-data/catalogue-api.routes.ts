import type { Context, MiddlewareHandler } from 'hono';
import { figuresOfCountry } from '../cities/figure.repo.ts';
import { figureIndicators } from '../cities/figure-indicators.ts';
import { countryExists, countryName, regionsOf } from '../geo/countries.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { apiRouter, encodeCursor, nextUrl, type OpenAPIHono, readCursor, z } from '../http/openapi.ts';
import { translator } from '../i18n/i18n.ts';
import { actorTypes, themes } from '../vocabulary/vocabularies.ts';
import { actorTypesRoute, countriesRoute, countryRoute, statisticsRoute, targetGroupsRoute, themesRoute } from './catalogue-api.schema.ts';
import {
  type CountryCount,
  countByArrayValue,
  countByColumn,
  countPractices,
  countryCounts,
  countryThemeCounts,
  countTargetGroups,
  targetGroupPage,
  type ValueCount,
} from './catalogue-stats.repo.ts';

/** The label language: the one asked for, else the page's. */
const labelLocale = (c: Context<AppEnv>, lang: string | undefined) => lang ?? c.get('i18n').locale;

/** Counts in the API's shape, largest first. */
const asCounted = (rows: ValueCount[]) =>
  rows.map((r) => ({ value: r.value, practices: r.count })).sort((a, b) => b.practices - a.practices || (a.value < b.value ? -1 : 1));

/** A closed vocabulary with labels in `locale` and counts (zero for codes no practice carries). */
function vocabularyBody(codes: readonly string[], prefix: string, counts: ValueCount[], locale: string) {
  const { t } = translator(locale);
  const byCode = new Map(counts.map((r) => [r.value, r.count]));
  return { lang: locale, total: codes.length, items: codes.map((code) => ({ code, label: t(`${prefix}.${code}`), practices: byCode.get(code) ?? 0 })) };
}

/**
 * The catalogue's vocabularies, countries and statistics as open data: GET
 * /api/v1/vocabularies/{themes,actor-types,target-groups}, GET /api/v1/countries, GET
 * /api/v1/countries/{code} and GET /api/v1/statistics, each with counts of published practices.
 * @example const res = await app.request('/api/v1/vocabularies/themes?lang=fr');
 */
export function catalogueApiRoutes({ db, config }: AppDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  // Like the rest of the API: any cache may keep an answer a minute (and the page cache until the catalogue changes).
  const publicCache: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=60');
  };
  for (const path of ['/api/v1/vocabularies/*', '/api/v1/countries', '/api/v1/countries/*', '/api/v1/statistics']) app.use(path, publicCache);
  const country = (c: CountryCount, locale: string) => ({
    code: c.country,
    name: countryName(c.country, locale),
    region: regionsOf(c.country).region,
    practices: c.practices,
    cities: c.cities,
    url: `${config.publicUrl}/search?country=${c.country}`,
    api_url: `${config.publicUrl}/api/v1/countries/${c.country}`,
  });

  app.openapi(themesRoute, async (c) => {
    const locale = labelLocale(c, c.req.valid('query').lang);
    return c.json(vocabularyBody(themes, 'theme', await countByArrayValue(db, 'themes'), locale), 200);
  });

  app.openapi(actorTypesRoute, async (c) => {
    const locale = labelLocale(c, c.req.valid('query').lang);
    return c.json(vocabularyBody(actorTypes, 'actor', await countByArrayValue(db, 'actor_types'), locale), 200);
  });

  app.openapi(targetGroupsRoute, async (c) => {
    const { page_size, cursor } = c.req.valid('query');
    const after = readCursor(cursor, z.tuple([z.string()]));
    // One more than the page: whether there is a next page, without counting.
    const [rows, total] = await Promise.all([targetGroupPage(db, { after: after?.[0], limit: page_size + 1 }), countTargetGroups(db)]);
    const items = rows.slice(0, page_size);
    const next = rows.length > page_size ? nextUrl(c.req.url, config.publicUrl, encodeCursor([items[items.length - 1].value])) : null;
    return c.json({ total, page_size, next, items: items.map((r) => ({ tag: r.value, practices: r.count })) }, 200);
  });

  app.openapi(countriesRoute, async (c) => {
    const { page_size, cursor, lang } = c.req.valid('query');
    const after = readCursor(cursor, z.tuple([z.string().regex(/^[A-Z]{2}$/)]));
    // A few hundred rows at most, grouped in the database: the page is cut here, by code.
    const all = await countryCounts(db);
    const rest = after ? all.filter((r) => r.country > after[0]) : all;
    const items = rest.slice(0, page_size);
    const next = rest.length > page_size ? nextUrl(c.req.url, config.publicUrl, encodeCursor([items[items.length - 1].country])) : null;
    const locale = labelLocale(c, lang);
    return c.json({ total: all.length, page_size, next, items: items.map((r) => country(r, locale)) }, 200);
  });

  app.openapi(countryRoute, async (c) => {
    const code = c.req.valid('param').code.toUpperCase();
    const [counts] = countryExists(code) ? await countryCounts(db, code) : [];
    if (!counts) throw notFound(`no practice or city is recorded in "${code}"`);
    const [byTheme, byYear, figures] = await Promise.all([
      countryThemeCounts(db, code),
      countByColumn(db, 'started', code),
      figuresOfCountry(
        db,
        code,
        figureIndicators.map((i) => i.code),
      ),
    ]);
    const indicators = [...new Set(figures.map((f) => f.indicator))];
    return c.json(
      {
        ...country(counts, labelLocale(c, c.req.valid('query').lang)),
        by_theme: asCounted(byTheme),
        by_year: byYear.map((r) => ({ value: r.value, practices: r.count })),
        figures: indicators.map((indicator) => ({
          indicator,
          years: figures
            .filter((f) => f.indicator === indicator)
            .map((f) => ({ year: f.year, value: f.value, source: { name: f.source_name, url: f.source_url }, basis: f.basis, note: f.note })),
        })),
      },
      200,
    );
  });

  app.openapi(statisticsRoute, async (c) => {
    const [practices, byTheme, byRegion, byYear] = await Promise.all([
      countPractices(db),
      countByArrayValue(db, 'themes'),
      countByColumn(db, 'region'),
      countByColumn(db, 'started'),
    ]);
    return c.json(
      {
        practices,
        by_theme: asCounted(byTheme),
        by_region: asCounted(byRegion),
        by_year: byYear.map((r) => ({ value: r.value, practices: r.count })),
      },
      200,
    );
  });

  return app;
}
