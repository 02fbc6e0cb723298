import { Hono } from 'hono';
import { framework, outcomeIndicators } from '../framework/framework.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { FrameworkPage } from './views/framework-page.tsx';

/** GET /self-assessment — the city self-assessment framework, explained. */
export function selfAssessmentRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/self-assessment', (c) => renderPage(c, <FrameworkPage framework={framework} indicators={outcomeIndicators} />));
  return app;
}
