import { z } from 'zod';
import { countryParam, optionalParam } from '../http/query-params.ts';
import { blankToUndefined } from '../shared/form-values.ts';
import { themes } from '../vocabulary/vocabularies.ts';
import { eventTypes } from './event-types.ts';

/** Most events in one answer of the API. */
export const maxEventPageSize = 100;

/** A group's slug as a query gives it. */
const slugParam = () =>
  z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a group slug such as "housing"');

/**
 * The filters of events, declared once: the list page, its calendar feed and the API read the
 * same parameters (a type, a theme, a country, words, a group), each adding its own.
 */
const filterFields = {
  type: optionalParam(z.enum(eventTypes)),
  theme: optionalParam(z.enum(themes)),
  country: optionalParam(countryParam()),
  q: optionalParam(z.string().trim().max(200, 'at most 200 characters')),
  group: optionalParam(slugParam()),
};

/** The names of the shared filters, in the order a URL writes them. */
export const eventFilterNames = ['type', 'theme', 'country', 'q', 'group'] as const;

const page = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1));

/** GET /events's filters: upcoming or past, the shared filters and the page; unknown values are a 400. */
export const eventQuery = z
  .object({
    when: z.preprocess(blankToUndefined, z.enum(['upcoming', 'past']).default('upcoming')),
    ...filterFields,
    page,
  })
  .strict();

export type EventQuery = z.infer<typeof eventQuery>;

/** GET /events.ics: the shared filters, and upcoming or past when asked (every event otherwise: a calendar keeps past ones). */
export const eventFeedQuery = z
  .object({
    when: optionalParam(z.enum(['upcoming', 'past'])),
    ...filterFields,
  })
  .strict();

export type EventFeedQuery = z.infer<typeof eventFeedQuery>;

/** GET /api/v1/events: the shared filters, upcoming, past or all (the default), and paging. */
export const eventApiQuery = z
  .object({
    when: z.preprocess(blankToUndefined, z.enum(['upcoming', 'past', 'all']).default('all')),
    ...filterFields,
    page,
    page_size: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(maxEventPageSize).default(20)),
  })
  .strict();

export type EventApiQuery = z.infer<typeof eventApiQuery>;

/**
 * The shared filters of a query as URL parameters (country in lower case, as the list writes it).
 * @example filterParams({ theme: 'housing', country: 'DE' }).toString() // 'theme=housing&country=de'
 */
export function filterParams(q: Partial<Pick<EventQuery, (typeof eventFilterNames)[number]>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of eventFilterNames) {
    const value = q[key];
    if (value) params.set(key, key === 'country' ? value.toLowerCase() : value);
  }
  return params;
}
