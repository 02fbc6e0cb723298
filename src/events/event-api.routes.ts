import { cors } from 'hono/cors';
import { cursorPage } from '../http/api-page.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { apiRouter, type OpenAPIHono, readCursor, z } from '../http/openapi.ts';
import { findEvent, listEvents } from './event.repo.ts';
import { toApiEvent, toApiEventDetail } from './event-api.present.ts';
import { getEventRoute, listEventsRoute } from './event-api.schema.ts';

/** An event's id as its addresses hold it. */
const eventId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The events list's cursor: the last event's start (ISO 8601) and id. */
const eventCursor = z.tuple([z.string().datetime(), z.string().regex(eventId).max(200)]);

/**
 * Events as open data: GET /api/v1/events (the list's filters, upcoming, past or all, paged like
 * the other lists of the API, soonest first for upcoming and latest first otherwise) and GET
 * /api/v1/events/{id}. Any site may read them (CORS, GET only); an unknown parameter is a 400
 * problem document.
 */
export function eventApiRoutes({ db, config }: AppDeps): OpenAPIHono<AppEnv> {
  const api = apiRouter();
  api.use('/api/v1/events', cors({ origin: '*', allowMethods: ['GET'] }));
  api.use('/api/v1/events/*', cors({ origin: '*', allowMethods: ['GET'] }));

  api.openapi(listEventsRoute, async (c) => {
    const q = c.req.valid('query');
    const when = q.when === 'all' ? undefined : q.when;
    const cursor = readCursor(q.cursor, eventCursor);
    const after = cursor && ([new Date(cursor[0]), cursor[1]] as const);
    // One more than the page, to know whether there is a next one; a cursor starts after its event.
    const offset = after ? 0 : (q.page - 1) * q.page_size;
    const { items, total } = await listEvents(db, { ...q, when }, new Date(), offset, q.page_size + 1, undefined, after);
    const page = cursorPage(
      c.req.url,
      config.publicUrl,
      q,
      total,
      items,
      (e) => [e.starts_at.toISOString(), e.id],
      (e) => toApiEvent(e, config.publicUrl),
    );
    return c.json(page, 200);
  });

  api.openapi(getEventRoute, async (c) => {
    const { id } = c.req.valid('param');
    const event = eventId.test(id) ? await findEvent(db, id) : undefined;
    if (!event) throw notFound(`no event "${id}"`);
    return c.json(toApiEventDetail(event, config.publicUrl), 200);
  });

  return api;
}
