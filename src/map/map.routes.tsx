import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { parseSearchParams } from '../search/search.params.ts';
import { loadMapData } from './map.service.ts';
import { MapPage } from './views/map-page.tsx';

/** GET /map — the world map of practices; the search page's filters apply. */
export function mapRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/map', async (c) => {
    const { params, notes } = parseSearchParams(new URL(c.req.url).searchParams);
    const data = await loadMapData(db, params, c.get('i18n').locale);
    return renderPage(c, <MapPage data={data} params={params} notes={notes} />);
  });
  return app;
}
