import { createRoute, cursorParam, jsonContent, noQuery, pageOf, problemResponses, z } from '../http/openapi.ts';
import { eventApiQuery } from './event.query.ts';

/** An event as the API gives it (event-api.present.ts's ApiEvent). */
const apiEvent = z
  .object({
    id: z.string(),
    title: z.string(),
    type: z.string(),
    starts_at: z.string().datetime({ offset: true }),
    ends_at: z.string().datetime({ offset: true }),
    all_day: z.boolean(),
    first_day: z.string().date().nullable(),
    last_day: z.string().date().nullable(),
    time_zone: z.string(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    venue: z.string().nullable(),
    online_url: z.string().nullable(),
    languages: z.array(z.string()),
    organisers: z.array(z.string()),
    themes: z.array(z.string()),
    group: z.string().nullable(),
    registration_url: z.string().nullable(),
    capacity: z.number().int().nullable(),
    places_left: z.number().int().nullable(),
    example: z.boolean(),
    url: z.string().url(),
    ics: z.string().url(),
  })
  .openapi('Event');

const eventDetail = z
  .object({
    ...apiEvent.shape,
    description: z.string().nullable(),
    outcomes: z.string().nullable(),
    materials: z.array(z.object({ title: z.string(), url: z.string() })),
  })
  .openapi('EventDetail');

/** GET /api/v1/events: upcoming, past or all events, filtered and paged. */
export const listEventsRoute = createRoute({
  method: 'get',
  path: '/api/v1/events',
  tags: ['Events'],
  summary: 'Events where cities meet',
  request: { query: eventApiQuery.extend({ cursor: cursorParam }) },
  responses: { 200: jsonContent(pageOf(apiEvent, 'EventList'), 'One page of events'), ...problemResponses(400) },
});

/** GET /api/v1/events/{id}: one event in full. */
export const getEventRoute = createRoute({
  method: 'get',
  path: '/api/v1/events/{id}',
  tags: ['Events'],
  summary: 'One event',
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'Lowercase letters, digits and single hyphens.' }),
    }),
    query: noQuery,
  },
  responses: { 200: jsonContent(eventDetail, 'The event'), ...problemResponses(400, 404) },
});
