import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { insertEvents, type NewEvent } from '../events/event.repo.ts';
import { eventTypes } from '../events/event-types.ts';
import { isTimeZone, zonedToUtc } from '../events/zoned-time.ts';
import { themes } from '../vocabulary/vocabularies.ts';

const day = /^\d{4}-\d{2}-\d{2}$/;
const dayOrTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

const eventsSchema = z.object({
  events: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      title: z.string().min(1),
      type: z.enum(eventTypes),
      start: z.string().regex(dayOrTime),
      end: z.string().regex(dayOrTime),
      time_zone: z.string().refine(isTimeZone, 'an IANA time zone'),
      city: z.string().min(1).optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .optional(),
      venue: z.string().min(1).optional(),
      online: z.string().url().optional(),
      languages: z.array(z.string().regex(/^[a-z]{2}$/)).default([]),
      organisers: z.array(z.string().min(1)).default([]),
      themes: z.array(z.enum(themes)).default([]),
      registration: z.string().url().optional(),
      capacity: z.number().int().min(1).optional(),
      description: z.string().min(1).optional(),
      outcomes: z.string().min(1).optional(),
      example: z.boolean().default(false),
    }),
  ),
});

/** The day after a date: an all-day event ends at the midnight after its last day. */
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's events (`demo/events.json`): real past events of the field, and an invented upcoming
 * one marked as an example. Dates are read in the organiser's time zone; an event given by dates
 * only is all-day, ending at the midnight after its last day. Events already recorded are left alone.
 * @example await seedDemoEvents(db, 'demo');
 */
export async function seedDemoEvents(db: Database, demoDir: string): Promise<number> {
  const { events } = eventsSchema.parse(JSON.parse(await fs.readFile(path.join(demoDir, 'events.json'), 'utf8')));
  const rows: NewEvent[] = events.map((e) => {
    const allDay = day.test(e.start) && day.test(e.end);
    return {
      id: e.id,
      title: e.title,
      type: e.type,
      starts_at: zonedToUtc(e.start, e.time_zone),
      ends_at: zonedToUtc(allDay ? nextDay(e.end) : e.end, e.time_zone),
      all_day: allDay,
      time_zone: e.time_zone,
      city: e.city ?? null,
      country: e.country ?? null,
      venue: e.venue ?? null,
      online_url: e.online ?? null,
      languages: e.languages,
      organisers: e.organisers,
      themes: e.themes,
      registration_url: e.registration ?? null,
      capacity: e.capacity ?? null,
      description: e.description ?? null,
      outcomes: e.outcomes ?? null,
      example: e.example,
    };
  });
  return insertEvents(db, rows);
}
