import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { latestPractices } from '../practices/practice.repo.ts';
import { catalogueFigures, currentSnapshot } from '../search/catalogue-snapshot.ts';
import { HomePage } from './home-page.tsx';

/** GET / — the home page. */
export function homeRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const [snap, latest] = await Promise.all([currentSnapshot(db), latestPractices(db, 6)]);
    return renderPage(c, <HomePage figures={catalogueFigures(snap)} latest={latest} />);
  });
  return app;
}
