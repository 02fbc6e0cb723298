import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { apiPage } from '../http/api-page.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { readStrictQuery } from '../http/strict-query.ts';
import { eventApiQuery } from './event.query.ts';
import { findEvent, listEvents } from './event.repo.ts';
import { toApiEvent, toApiEventDetail } from './event-api.present.ts';
import { eventIdPattern } from './event-paths.ts';

/**
 * Events as open data: GET /api/v1/events (the list's filters, upcoming, past or all, paged like
 * the other lists of the API, soonest first for upcoming and latest first otherwise) and GET
 * /api/v1/events/{id}. Any site may read them (CORS, GET only); an unknown parameter is a 400
 * problem document.
 */
export function eventApiRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.use('/api/v1/events', cors({ origin: '*', allowMethods: ['GET'] }));
  api.use('/api/v1/events/*', cors({ origin: '*', allowMethods: ['GET'] }));

  api.get('/api/v1/events', async (c) => {
    const q = readStrictQuery(eventApiQuery, new URL(c.req.url).searchParams);
    const when = q.when === 'all' ? undefined : q.when;
    const { items, total } = await listEvents(db, { ...q, when }, new Date(), (q.page - 1) * q.page_size, q.page_size);
    return c.json(
      apiPage(
        c.req.url,
        config.publicUrl,
        q,
        total,
        items.map((e) => toApiEvent(e, config.publicUrl)),
      ),
    );
  });

  api.get(`/api/v1/events/${eventIdPattern}`, async (c) => {
    const event = await findEvent(db, c.req.param('id'));
    if (!event) throw notFound(`no event "${c.req.param('id')}"`);
    return c.json(toApiEventDetail(event, config.publicUrl));
  });

  return api;
}
