import { Hono } from 'hono';
import { citationDownload, citationFormatNames } from '../citations/citation-formats.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { findPublishedPractice } from './practice.repo.ts';
import { practiceCitation } from './views/practice-citation.ts';

/**
 * GET /practices/{id}/cite.bib, cite.ris, cite.json — the practice's citation as BibTeX, RIS and
 * CSL-JSON downloads, from the same metadata as the page's "Cite this" and meta tags.
 */
export function practiceCiteRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const format of citationFormatNames) {
    app.get(`/practices/:id{[a-z0-9]+(?:-[a-z0-9]+)*}/cite.${format}`, async (c) => {
      const id = c.req.param('id');
      const practice = await findPublishedPractice(db, id);
      if (!practice) throw notFound(`practice "${id}" does not exist`);
      const item = practiceCitation(practice, { siteName: c.get('i18n').t('site.name'), publicUrl: config.publicUrl, accessed: new Date() });
      const { body, headers } = citationDownload(item, format);
      return c.body(body, 200, { ...headers, 'cache-control': 'public, max-age=300' });
    });
  }
  return app;
}
