import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { feedSize } from '../practices/export/export.repo.ts';
import { latestPractices } from '../practices/practice.repo.ts';
import { type ApiOperation, apiOperations } from './api-operations.ts';
import { ApiPage } from './api-page.tsx';
import type { ApiDocument } from './openapi-document.ts';

/** Shown in examples while the catalogue is still empty. */
const fallbackExampleId = 'barcelona-anti-rumour';

/** GET /api — the page that documents the API (its operations read from the OpenAPI document), downloads and feeds, with working examples. */
export function apiDocsRoutes({ db }: AppDeps, document: () => ApiDocument): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let operations: ApiOperation[] | undefined;
  app.get('/api', async (c) => {
    operations ??= apiOperations(document());
    const [example] = await latestPractices(db, 1);
    return renderPage(c, <ApiPage exampleId={example?.id ?? fallbackExampleId} feedSize={feedSize} operations={operations} />);
  });
  return app;
}
