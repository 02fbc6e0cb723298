import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { privatePage } from '../http/responses.ts';
import { readStrictQuery } from '../http/strict-query.ts';
import { isEditor } from '../security/roles.ts';
import { resourceQuery } from './resource.query.ts';
import { findResource, linkedTargets, newestResources, resourceLanguages, resourceYears } from './resource.repo.ts';
import { toApiResource } from './resource-api.present.ts';
import { resourceFeedXml } from './resource-feed.ts';
import { resourceFile } from './resource-file.repo.ts';
import { searchResources } from './resource-search.ts';
import { pdfResponse } from './resource-submit.routes.tsx';
import { ResourceListPage } from './views/resource-list-page.tsx';
import { ResourcePage } from './views/resource-page.tsx';

/** More resources than the library will hold for a long while: the exports' bound. */
const maxResourcesInExport = 50_000;
/** Entries of the feed. */
const feedSize = 50;
/** A slug as the library writes them: other paths under /resources/ never land on a resource. */
const slugPath = '/resources/:slug{[a-z0-9]+(?:-[a-z0-9]+)*}';

const exportColumns = [
  'slug',
  'type',
  'title',
  'publisher',
  'authors',
  'year',
  'languages',
  'themes',
  'regions',
  'abstract',
  'link',
  'archived_link',
  'pdf',
  'licence',
  'url',
  'updated',
];

/**
 * The resource library's public side: GET /resources (searched like practices, filtered by
 * type, theme, region, language and year), GET /resources/{slug} (its metadata, links, PDF and
 * what it documents), GET /resources/{slug}/file (its PDF), and as open data
 * /resources/export.csv, /resources/export.json and /resources/feed.atom.
 */
export function resourceRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const query = (url: string) => readStrictQuery(resourceQuery, new URL(url).searchParams);
  /** Every resource a query matches, as the API gives them: what the exports write. */
  const exported = async (url: string) => {
    const q = { ...query(url), page: 1, page_size: maxResourcesInExport };
    return (await searchResources(db, q, 'en')).items.map((r) => toApiResource(r, config.publicUrl));
  };

  app.get('/resources', async (c) => {
    const q = query(c.req.url);
    const [results, years, languages] = await Promise.all([searchResources(db, q, c.get('i18n').locale), resourceYears(db), resourceLanguages(db)]);
    return renderPage(c, <ResourceListPage results={results} query={q} years={years} languages={languages} />);
  });

  app.get('/resources/export.csv', async (c) => {
    const rows = (await exported(c.req.url)).map((r) => ({
      ...r,
      authors: r.authors.join('; '),
      languages: r.languages.join(' '),
      themes: r.themes.join(' '),
      regions: r.regions.join(' '),
    }));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="resources.csv"');
    c.header('cache-control', 'public, max-age=60');
    return c.body(stringify(rows, { bom: true, header: true, escape_formulas: true, columns: exportColumns }));
  });

  app.get('/resources/export.json', async (c) => {
    c.header('content-disposition', 'attachment; filename="resources.json"');
    c.header('cache-control', 'public, max-age=60');
    return c.json(await exported(c.req.url));
  });

  app.get('/resources/feed.atom', async (c) => {
    const q = query(c.req.url);
    const rows = await newestResources(db, q, feedSize);
    const xml = resourceFeedXml(rows, { query: q, publicUrl: config.publicUrl, i18n: c.get('i18n') });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' });
  });

  app.get(slugPath, async (c) => {
    const slug = c.req.param('slug');
    const resource = await findResource(db, slug);
    if (!resource) throw notFound(`no resource "${slug}"`);
    const targets = await linkedTargets(db, resource.id);
    // An editor's page holds the edit link (and the notice after a save): never kept or shared.
    if (isEditor(c.get('account')))
      return privatePage(
        c,
        <ResourcePage resource={resource} targets={targets} editable notice={c.req.query('done') === 'edited' ? 'resources.done.edited' : undefined} />,
      );
    return renderPage(c, <ResourcePage resource={resource} targets={targets} />);
  });

  app.get(`${slugPath}/file`, async (c) => {
    const slug = c.req.param('slug');
    const resource = await findResource(db, slug);
    const file = resource?.has_file ? await resourceFile(db, resource.id) : undefined;
    if (!file) throw notFound(`resource "${slug}" has no PDF here`);
    return pdfResponse(c, file, 'public, max-age=3600');
  });
  return app;
}
