import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { catalogueFigures, latestPractices } from '../practices/practice.repo.ts';
import { HomePage } from './home-page.tsx';

/** GET / — the home page. */
export function homeRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const [figures, latest] = await Promise.all([catalogueFigures(db), latestPractices(db, 6)]);
    return renderPage(c, <HomePage figures={figures} latest={latest} />);
  });
  return app;
}
