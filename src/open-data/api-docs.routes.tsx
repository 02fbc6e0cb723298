import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { feedSize } from '../practices/export/export.repo.ts';
import { latestPractices } from '../practices/practice.repo.ts';
import { ApiPage } from './api-page.tsx';

/** Shown in examples while the catalogue is still empty. */
const fallbackExampleId = 'barcelona-anti-rumour';

/** GET /api — the page that documents the API, downloads and feeds, with working examples. */
export function apiDocsRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api', async (c) => {
    const [example] = await latestPractices(db, 1);
    return renderPage(c, <ApiPage exampleId={example?.id ?? fallbackExampleId} feedSize={feedSize} />);
  });
  return app;
}
