import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { consumeRate } from '../security/rate-limit.ts';
import { tooManyAttempts } from '../security/refusals.tsx';
import type { FieldErrors, FormValues } from '../shared/form-values.ts';
import { findEvent } from './event.repo.ts';
import { eventFormValues, readEventForm } from './event.schema.ts';
import { eventIdPattern } from './event-paths.ts';
import { createEvent, type EventEditor, editEvent } from './save-event.command.ts';
import { EventFormPage } from './views/event-form-page.tsx';

/** Saves of the event form per person: plenty for a secretariat, a stop for a runaway script. */
const saveRule = { limit: 60, windowSeconds: 3600 };

/**
 * Editors and admins announce and change events: GET and POST /events/new, GET and POST
 * /events/{id}/edit. A refused form comes back with what was typed and a message at each field
 * (400), nothing written; a saved one leads to the event's page.
 */
export function eventFormRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const editor = role('editor', 'admin');
  const actorOf = (c: Context<AppEnv>): EventEditor => {
    const account = signedInAccount(c);
    return { userId: account.userId, role: account.role, ip: clientAddress(c, config.TRUST_PROXY) };
  };
  const form = (c: Context<AppEnv>, values: FormValues, event?: { id: string; title: string }, errors?: FieldErrors) =>
    privatePage(c, <EventFormPage values={values} errors={errors} csrf={signedInAccount(c).csrfToken} event={event} />, errors ? 400 : 200);
  const limited = (c: Context<AppEnv>) => consumeRate(db, `event-save:user:${signedInAccount(c).userId}`, saveRule);

  app.get('/events/new', editor, (c) => form(c, { type: 'conference', time_zone: 'UTC', registration: 'none' }));

  app.post('/events/new', editor, async (c) => {
    const values = await postedForm(c);
    const read = readEventForm(values);
    if ('errors' in read) return form(c, values, undefined, read.errors);
    const rate = await limited(c);
    if (!rate.allowed) return tooManyAttempts(c, rate);
    const id = await createEvent(db, read.input, actorOf(c));
    return seeOther(c, `/events/${id}?done=created`);
  });

  const eventOf = async (c: Context<AppEnv>) => {
    const event = await findEvent(db, c.req.param('id') ?? '');
    if (!event) throw notFound(`no event "${c.req.param('id')}"`);
    return event;
  };

  app.get(`/events/${eventIdPattern}/edit`, editor, async (c) => {
    const event = await eventOf(c);
    return form(c, eventFormValues(event), event);
  });

  app.post(`/events/${eventIdPattern}/edit`, editor, async (c) => {
    const event = await eventOf(c);
    const values = await postedForm(c);
    const read = readEventForm(values);
    if ('errors' in read) return form(c, values, event, read.errors);
    const rate = await limited(c);
    if (!rate.allowed) return tooManyAttempts(c, rate);
    await editEvent(db, event.id, read.input, actorOf(c), config.publicUrl);
    return seeOther(c, `/events/${event.id}?done=saved`);
  });

  return app;
}
