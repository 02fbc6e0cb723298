import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { readStrictQuery } from '../http/strict-query.ts';
import { organizationSlugsByNames } from '../organizations/organization.repo.ts';
import { eventQuery } from './event.query.ts';
import { allEvents, eventCountries, findEvent, listEvents } from './event.repo.ts';
import { eventsCalendar } from './event-calendar.ts';
import { EventListPage, eventsPerPage } from './views/event-list-page.tsx';
import { EventPage } from './views/event-page.tsx';

/** More events than the calendar will hold for years: the feed's bound. */
const maxEventsInCalendar = 5_000;

/** Answers with an iCalendar file, to open in a calendar or subscribe to. */
function calendarFile(c: Context<AppEnv>, text: string, filename: string) {
  c.header('content-type', 'text/calendar; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${filename}"`);
  c.header('cache-control', 'public, max-age=300');
  return c.body(text);
}

/**
 * Events where cities meet: GET /events (upcoming or past, filtered), GET /events/{id}, each as
 * an iCalendar file (GET /events/{id}/event.ics), and all of them as one calendar to subscribe to
 * (GET /events.ics).
 */
export function eventRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/events', async (c) => {
    const query = readStrictQuery(eventQuery, new URL(c.req.url).searchParams);
    const [{ items, total }, countries] = await Promise.all([
      listEvents(db, query, new Date(), (query.page - 1) * eventsPerPage, eventsPerPage),
      eventCountries(db),
    ]);
    return renderPage(c, <EventListPage items={items} total={total} query={query} countries={countries} />);
  });

  app.get('/events.ics', async (c) => {
    const text = eventsCalendar(await allEvents(db, maxEventsInCalendar), { name: 'Clearinghouse: events', publicUrl: config.publicUrl });
    return calendarFile(c, text, 'clearinghouse-events.ics');
  });

  app.get('/events/:id{[a-z0-9]+(?:-[a-z0-9]+)*}/event.ics', async (c) => {
    const event = await findEvent(db, c.req.param('id'));
    if (!event) throw notFound(`no event "${c.req.param('id')}"`);
    return calendarFile(c, eventsCalendar([event], { name: event.title, publicUrl: config.publicUrl }), `${event.id}.ics`);
  });

  app.get('/events/:id{[a-z0-9]+(?:-[a-z0-9]+)*}', async (c) => {
    const event = await findEvent(db, c.req.param('id'));
    if (!event) throw notFound(`no event "${c.req.param('id')}"`);
    const organisers = await organizationSlugsByNames(db, event.organisers);
    return renderPage(c, <EventPage event={event} organisers={organisers} now={new Date()} />);
  });

  return app;
}
