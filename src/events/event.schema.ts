import { z } from 'zod';
import type { EventMaterial } from '../db/schema.ts';
import { countryExists } from '../geo/countries.ts';
import { blankToUndefined, type FieldErrors, type FormValues, firstValue } from '../shared/form-values.ts';
import { storableString } from '../shared/storable-text.ts';
import { themes } from '../vocabulary/vocabularies.ts';
import type { EventRow } from './event.repo.ts';
import { eventTypes } from './event-types.ts';
import { isTimeZone, localDay, localTime, wallClockExists, zonedToUtc } from './zoned-time.ts';

/** An event as the form gives it, checked: instants computed in the organiser's zone. */
export interface EventInput {
  title: string;
  type: (typeof eventTypes)[number];
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  city: string | null;
  country: string | null;
  venue: string | null;
  onlineUrl: string | null;
  languages: string[];
  organisers: string[];
  themes: string[];
  registrationUrl: string | null;
  capacity: number | null;
  description: string | null;
  outcomes: string | null;
  materials: EventMaterial[];
  group: string | null;
}

/** How people register: not at all, on the organiser's site, or here with a number of places. */
export const registrationModes = ['none', 'link', 'site'] as const;

/** The message key of a field's problem. */
const problem = (field: string) => `event.form.error.${field}`;

const text = (field: string, max: number) => storableString(problem(field)).trim().max(max, problem(field));
const optionalText = (field: string, max: number) => z.preprocess(blankToUndefined, text(field, max).optional());
const webAddress = (field: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: problem(field) })
      .max(2000, problem(field))
      .optional(),
  );
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The form's fields as posted, each read on its own (the rules between them come after). */
const fieldsSchema = z.object({
  title: text('title', 300).min(1, problem('title')),
  type: z.enum(eventTypes, { error: problem('type') }),
  all_day: z.boolean(),
  start_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, problem('start_date')),
  start_time: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, problem('start_time'))
      .optional(),
  ),
  end_date: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, problem('end_date'))
      .optional(),
  ),
  end_time: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, problem('end_time'))
      .optional(),
  ),
  time_zone: z.string().refine(isTimeZone, problem('time_zone')),
  city: optionalText('city', 200),
  country: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((c) => c.toUpperCase())
      .refine(countryExists, problem('country'))
      .optional(),
  ),
  venue: optionalText('venue', 300),
  online_url: webAddress('online_url'),
  languages: text('languages', 200).transform((v, ctx) => {
    const codes = [...new Set(v.split(/[\s,;]+/).filter(Boolean))].map((c) => c.toLowerCase());
    if (codes.length > 20 || codes.some((c) => !/^[a-z]{2,3}$/.test(c) || !languageNames.of(c))) {
      ctx.addIssue({ code: 'custom', message: problem('languages') });
      return z.NEVER;
    }
    return codes;
  }),
  organisers: text('organisers', 4000).transform((v, ctx) => {
    const names = [...new Set(v.split(/\r?\n/).map((n) => n.trim().replace(/\s+/g, ' ')))].filter(Boolean);
    if (names.length > 20 || names.some((n) => n.length > 200)) {
      ctx.addIssue({ code: 'custom', message: problem('organisers') });
      return z.NEVER;
    }
    return names;
  }),
  themes: z.array(z.enum(themes, { error: problem('themes') })).max(themes.length, problem('themes')),
  registration: z.enum(registrationModes, { error: problem('registration') }),
  registration_url: webAddress('registration_url'),
  capacity: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: problem('capacity') })
      .int(problem('capacity'))
      .min(1, problem('capacity'))
      .max(100_000, problem('capacity'))
      .optional(),
  ),
  description: optionalText('description', 10_000),
  outcomes: optionalText('outcomes', 10_000),
  materials: text('materials', 10_000).transform((v, ctx) => {
    const lines = v
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const read = lines.map(readMaterial);
    if (lines.length > 30 || read.some((m) => m === undefined)) {
      ctx.addIssue({ code: 'custom', message: problem('materials') });
      return z.NEVER;
    }
    return read as EventMaterial[];
  }),
  group: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(100, problem('group'))
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, problem('group'))
      .optional(),
  ),
});

/**
 * A line of the materials field: "Title | https://…" or the address alone (its host as title).
 * @example readMaterial('Report | https://example.org/r.pdf') // { title: 'Report', url: 'https://example.org/r.pdf' }
 */
function readMaterial(line: string): EventMaterial | undefined {
  const at = line.lastIndexOf('|');
  const title = at >= 0 ? line.slice(0, at).trim() : '';
  const address = (at >= 0 ? line.slice(at + 1) : line).trim();
  if (!/^https?:\/\//i.test(address) || address.length > 2000 || title.length > 300 || !URL.canParse(address)) return undefined;
  return { title: title || new URL(address).host, url: address };
}

/** The day after a date: an all-day event ends at the midnight after its last day. */
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Whether a YYYY-MM-DD names a day of the calendar (not 31 February). */
const realDay = (date: string) => {
  const at = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === date;
};

/**
 * Reads the posted event form: each field checked, then the rules between them — the times say
 * when in the organiser's zone (a time its clocks skip is refused), the end comes after the start,
 * the event has a place or an online link, registration has its link or its number of places.
 * Problems are message keys by field, for the form shown again.
 * @example const read = readEventForm(await postedForm(c)); if ('errors' in read) …
 */
export function readEventForm(values: FormValues): { input: EventInput } | { errors: FieldErrors } {
  const one = (name: string) => firstValue(values[name]) ?? '';
  const list = (name: string) => [values[name] ?? []].flat().filter((v): v is string => typeof v === 'string');
  const raw: Record<keyof typeof fieldsSchema.shape, unknown> = {
    title: one('title'),
    type: one('type'),
    all_day: one('all_day') !== '',
    start_date: one('start_date'),
    start_time: one('start_time'),
    end_date: one('end_date'),
    end_time: one('end_time'),
    time_zone: one('time_zone'),
    city: one('city'),
    country: one('country'),
    venue: one('venue'),
    online_url: one('online_url'),
    languages: one('languages'),
    organisers: one('organisers'),
    themes: list('themes'),
    registration: one('registration') || 'none',
    registration_url: one('registration_url'),
    capacity: one('capacity'),
    description: one('description'),
    outcomes: one('outcomes'),
    materials: one('materials'),
    group: one('group'),
  };
  // Each field on its own, so one refused field does not hide the problems of the others.
  const errors: FieldErrors = {};
  const read: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(fieldsSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(raw[field as keyof typeof raw]);
    if (parsed.success) read[field] = parsed.data;
    else {
      const message = parsed.error.issues[0]?.message ?? '';
      errors[field] = message.startsWith('event.form.error.') || message.startsWith('form.error.') ? message : problem(field);
    }
  }
  const f = read as Partial<z.infer<typeof fieldsSchema>>;
  const when = readWhen(f, errors);
  if (!f.country && !f.online_url && !errors.country && !errors.online_url) errors.country = 'event.form.error.place_missing';
  if (f.city && !f.country && !errors.country) errors.country = problem('country');
  if (f.registration === 'link' && !f.registration_url && !errors.registration_url) errors.registration_url = problem('registration_url');
  if (f.registration === 'site' && !f.capacity && !errors.capacity) errors.capacity = problem('capacity');
  if (Object.keys(errors).length || !when) return { errors };
  return { input: toInput(f as z.infer<typeof fieldsSchema>, when) };
}

/**
 * The start and end instants of the form's dates and times on the organiser's clock, or undefined
 * with the problems added to `errors`: a day the calendar does not have, a time the clocks skip,
 * an end before the start.
 */
function readWhen(f: Partial<z.infer<typeof fieldsSchema>>, errors: FieldErrors): { startsAt: Date; endsAt: Date } | undefined {
  if (f.start_date === undefined || f.time_zone === undefined || f.all_day === undefined || errors.end_date || errors.start_time || errors.end_time)
    return undefined;
  const endDate = f.end_date ?? f.start_date;
  if (!realDay(f.start_date)) errors.start_date = problem('start_date');
  if (!realDay(endDate)) errors.end_date = problem('end_date');
  if (errors.start_date || errors.end_date) return undefined;
  if (f.all_day) {
    if (endDate < f.start_date) errors.end_date = 'event.form.error.end_before_start';
    return errors.end_date ? undefined : { startsAt: zonedToUtc(f.start_date, f.time_zone), endsAt: zonedToUtc(nextDay(endDate), f.time_zone) };
  }
  if (!f.start_time) errors.start_time = problem('start_time');
  if (!f.end_time) errors.end_time = problem('end_time');
  if (!f.start_time || !f.end_time) return undefined;
  const start = `${f.start_date}T${f.start_time}`;
  const end = `${endDate}T${f.end_time}`;
  if (!wallClockExists(start, f.time_zone)) errors.start_time = 'event.form.error.time_skipped';
  if (!wallClockExists(end, f.time_zone)) errors.end_time = 'event.form.error.time_skipped';
  if (errors.start_time || errors.end_time) return undefined;
  const startsAt = zonedToUtc(start, f.time_zone);
  const endsAt = zonedToUtc(end, f.time_zone);
  if (endsAt <= startsAt) {
    errors.end_time = 'event.form.error.end_before_start';
    return undefined;
  }
  return { startsAt, endsAt };
}

/** The checked fields as an event's input. */
function toInput(f: z.infer<typeof fieldsSchema>, when: { startsAt: Date; endsAt: Date }): EventInput {
  return {
    title: f.title,
    type: f.type,
    allDay: f.all_day,
    startsAt: when.startsAt,
    endsAt: when.endsAt,
    timeZone: f.time_zone,
    city: f.city ?? null,
    country: f.country ?? null,
    venue: f.venue ?? null,
    onlineUrl: f.online_url ?? null,
    languages: f.languages,
    organisers: f.organisers,
    themes: f.themes,
    registrationUrl: f.registration === 'link' ? (f.registration_url ?? null) : null,
    capacity: f.registration === 'site' ? (f.capacity ?? null) : null,
    description: f.description ?? null,
    outcomes: f.outcomes ?? null,
    materials: f.materials,
    group: f.group ?? null,
  };
}

/**
 * A recorded event as the form's values: its times on the organiser's clock, an all-day event's
 * last day (the stored end is the midnight after it).
 * @example eventFormValues(event).start_time // '15:00'
 */
export function eventFormValues(e: EventRow): FormValues {
  const lastMoment = e.all_day ? new Date(e.ends_at.getTime() - 1) : e.ends_at;
  return {
    title: e.title,
    type: e.type,
    all_day: e.all_day ? 'on' : undefined,
    start_date: localDay(e.starts_at, e.time_zone),
    start_time: e.all_day ? '' : localTime(e.starts_at, e.time_zone),
    end_date: localDay(lastMoment, e.time_zone),
    end_time: e.all_day ? '' : localTime(e.ends_at, e.time_zone),
    time_zone: e.time_zone,
    city: e.city ?? '',
    country: e.country ?? '',
    venue: e.venue ?? '',
    online_url: e.online_url ?? '',
    languages: e.languages.join(', '),
    organisers: e.organisers.join('\n'),
    themes: e.themes,
    registration: e.capacity ? 'site' : e.registration_url ? 'link' : 'none',
    registration_url: e.registration_url ?? '',
    capacity: e.capacity ? String(e.capacity) : '',
    description: e.description ?? '',
    outcomes: e.outcomes ?? '',
    materials: e.materials.map((m) => `${m.title} | ${m.url}`).join('\n'),
    group: e.group_slug ?? '',
  };
}
