import type { Context, Hono } from 'hono';
import { findCity } from '../cities/city.repo.ts';
import type { AppDeps, AppEnv, SessionAccount } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { apiRouter } from '../http/openapi.ts';
import { renderPage } from '../http/render.tsx';
import { privatePage } from '../http/responses.ts';
import { readStrictQuery } from '../http/strict-query.ts';
import { organizationSlugsByNames } from '../organizations/organization.repo.ts';
import { can } from '../security/authorize.ts';
import { slugify } from '../shared/text.ts';
import { eventPolicy } from './event.policy.ts';
import { eventFeedQuery, eventQuery } from './event.query.ts';
import { type EventRow, eventCountries, findEvent, type ListedEvent, listEvents } from './event.repo.ts';
import { eventApiRoutes } from './event-api.routes.ts';
import { eventsCalendar } from './event-calendar.ts';
import { eventFormRoutes } from './event-form.routes.tsx';
import { eventIdPattern } from './event-paths.ts';
import { registrationCounts, registrationList, registrationOf, waitingPlace } from './event-registration.repo.ts';
import { eventRegistrationRoutes } from './event-registration.routes.tsx';
import { EventListPage, eventsPerPage } from './views/event-list-page.tsx';
import { EventPage } from './views/event-page.tsx';
import type { RegistrationView } from './views/event-registration.tsx';

/** More events than the calendar will hold for years: the feed's bound. */
const maxEventsInCalendar = 5_000;

/** Answers with an iCalendar file, to open in a calendar or subscribe to. */
function calendarFile(c: Context<AppEnv>, text: string, filename: string) {
  c.header('content-type', 'text/calendar; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${filename}"`);
  c.header('cache-control', 'public, max-age=300');
  return c.body(text);
}

/** Confirmations after a registration's change, by the `done` of the redirect. */
const notices: Record<string, string> = {
  registered: 'event.reg.done.registered',
  waiting: 'event.reg.done.waiting',
  cancelled: 'event.reg.done.cancelled',
  created: 'event.new.done',
  saved: 'event.edit.done',
};

/**
 * Events where cities meet (with the editors' form, registration and the API mounted first): GET /events (upcoming or past, filtered), GET /events/{id} (with
 * registration on the site when it has places), each as an iCalendar file (GET
 * /events/{id}/event.ics), and the events of any filter of the list as one calendar to subscribe
 * to (GET /events.ics?theme=…&group=…).
 */
export function eventRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config } = deps;
  // An OpenAPI router, so that the API's operations reach the document (see http/openapi.ts).
  const app = apiRouter();
  // First: /events/new would otherwise be read as the page of an event called "new".
  app.route('/', eventFormRoutes(deps));
  app.route('/', eventRegistrationRoutes(deps));
  app.route('/', eventApiRoutes(deps));

  app.get('/events', async (c) => {
    const query = readStrictQuery(eventQuery, new URL(c.req.url).searchParams);
    const [{ items, total }, countries] = await Promise.all([
      listEvents(db, query, new Date(), (query.page - 1) * eventsPerPage, eventsPerPage),
      eventCountries(db),
    ]);
    const account = c.get('account');
    if (account && can(account, eventPolicy.create))
      return privatePage(c, <EventListPage items={items} total={total} query={query} countries={countries} canCreate />);
    return renderPage(c, <EventListPage items={items} total={total} query={query} countries={countries} />);
  });

  app.get('/events.ics', async (c) => {
    const query = readStrictQuery(eventFeedQuery, new URL(c.req.url).searchParams);
    const { items } = await listEvents(db, query, new Date(), 0, maxEventsInCalendar, 'asc');
    const text = eventsCalendar(items, { name: 'Clearinghouse: events', publicUrl: config.publicUrl });
    return calendarFile(c, text, 'clearinghouse-events.ics');
  });

  app.get(`/events/${eventIdPattern}/event.ics`, async (c) => {
    const event = await findEvent(db, c.req.param('id'));
    if (!event) throw notFound(`no event "${c.req.param('id')}"`);
    return calendarFile(c, eventsCalendar([event], { name: event.title, publicUrl: config.publicUrl }), `${event.id}.ics`);
  });

  /** Registration on the site as the viewer sees it: counts, their own place, and the list for organisers. */
  const registrationView = async (event: ListedEvent, account: SessionAccount | undefined, now: Date): Promise<RegistrationView | undefined> => {
    if (!event.capacity) return undefined;
    const [{ waiting }, mine, list] = await Promise.all([
      registrationCounts(db, event.id),
      account ? registrationOf(db, event.id, account.userId) : undefined,
      account && can(account, eventPolicy.seeRegistrations) ? registrationList(db, event.id) : undefined,
    ]);
    const place = mine?.status === 'waiting' ? await waitingPlace(db, event.id, mine.id) : undefined;
    return {
      eventId: event.id,
      capacity: event.capacity,
      registered: event.registered,
      waiting,
      open: event.starts_at > now,
      csrf: account?.csrfToken,
      mine: mine && { status: mine.status, place },
      list,
    };
  };

  /** The city's page of an event's place, and where it lies for the map, when the site knows the city. */
  const cityPathOf = async (e: EventRow) => {
    if (!e.city || !e.country) return undefined;
    const city = await findCity(db, e.country, slugify(e.city));
    if (!city) return undefined;
    const at = city.lat !== null && city.lon !== null ? { lat: city.lat, lon: city.lon } : undefined;
    return { path: `${city.country.toLowerCase()}/${city.slug}`, at };
  };

  app.get(`/events/${eventIdPattern}`, async (c) => {
    const event = await findEvent(db, c.req.param('id'));
    if (!event) throw notFound(`no event "${c.req.param('id')}"`);
    const account = c.get('account');
    const now = new Date();
    const [organisers, place, registration] = await Promise.all([
      organizationSlugsByNames(db, event.organisers),
      cityPathOf(event),
      registrationView(event, account, now),
    ]);
    const page = (
      <EventPage
        event={event}
        organisers={organisers}
        now={now}
        cityPath={place?.path}
        cityAt={place?.at}
        registration={registration}
        editable={can(account, eventPolicy.edit)}
        notice={account ? notices[c.req.query('done') ?? ''] : undefined}
      />
    );
    return account ? privatePage(c, page) : renderPage(c, page);
  });

  return app;
}
