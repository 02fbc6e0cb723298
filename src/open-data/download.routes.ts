import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { newestMatching } from '../practices/export/export.repo.ts';
import { type ExportFormat, exportFileName, exportMediaTypes, exportPractices } from '../practices/export/export.service.ts';
import { practiceFeedXml } from './feed.present.ts';
import { readOpenDataQuery } from './open-data.query.ts';
import { practicePageUrl } from './open-data.urls.ts';
import { textStream } from './stream-body.ts';

/**
 * Any search as a download (/practices/export.json, /practices/export.csv, /practices/export.geojson) or an Atom feed
 * (/practices/feed.atom), with the search page's parameters. Mounted before the practice
 * pages so "export.json" is never taken for a practice id.
 * @example const res = await app.request('/practices/export.csv?theme=housing');
 */
export function downloadRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Browser scripts may fetch downloads too, and read how many practices one holds.
  app.use('/practices/export.*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['X-Total-Count', 'Content-Disposition'] }));
  app.use('/practices/feed.atom', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }));

  const download = (format: ExportFormat) =>
    app.get(`/practices/export.${format}`, async (c) => {
      const { params, lang } = readOpenDataQuery(c, { strict: false });
      const { total, chunks } = await exportPractices(db, params, {
        format,
        locale: lang,
        urlOf: (id) => practicePageUrl(config.publicUrl, id),
      });
      return c.body(textStream(chunks), 200, {
        'content-type': exportMediaTypes[format],
        'content-disposition': `attachment; filename="${exportFileName(format)}"`,
        'cache-control': 'public, max-age=300',
        'x-total-count': String(total),
      });
    });
  download('json');
  download('csv');
  download('geojson');

  app.get('/practices/feed.atom', async (c) => {
    const { params, lang, langGiven } = readOpenDataQuery(c, { strict: false });
    const rows = await newestMatching(db, params, lang);
    const xml = practiceFeedXml(rows, { params, lang, langGiven, publicUrl: config.publicUrl, i18n: c.get('i18n') });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' });
  });
  return app;
}
