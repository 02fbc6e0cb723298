import { stringify } from 'csv-stringify/sync';
import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { seeOther } from '../http/responses.ts';
import { authorize } from '../security/authorize.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedIn, signedInAccount } from '../security/guards.ts';
import { consumeRate } from '../security/rate-limit.ts';
import { tooManyAttempts } from '../security/refusals.tsx';
import { eventPolicy } from './event.policy.ts';
import { findEvent } from './event.repo.ts';
import { eventIdPattern } from './event-paths.ts';
import { cancelRegistration, type Registrant, registerForEvent } from './event-registration.command.ts';
import { registrationList } from './event-registration.repo.ts';

/** Registrations and cancellations per person and hour: far more than anyone needs, too few to churn a list. */
const registrationRule = { limit: 30, windowSeconds: 3600 };

/**
 * Registration on the site: POST /events/{id}/register and POST /events/{id}/cancel (signed in),
 * each leading back to the event's page with where the person stands; GET
 * /events/{id}/registrations.csv, the organisers' list (names only; editors and admins).
 */
export function eventRegistrationRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const personOf = (c: Context<AppEnv>): Registrant => {
    const a = signedInAccount(c);
    return { userId: a.userId, role: a.role, email: a.email, name: a.name, locale: a.locale, ip: clientAddress(c, config.TRUST_PROXY) };
  };
  const limited = (c: Context<AppEnv>) => consumeRate(db, `event-registration:user:${signedInAccount(c).userId}`, registrationRule);

  app.post(`/events/${eventIdPattern}/register`, signedIn(), async (c) => {
    const id = c.req.param('id');
    const rate = await limited(c);
    if (!rate.allowed) return tooManyAttempts(c, rate);
    const result = await registerForEvent(db, id, personOf(c), config.publicUrl);
    return seeOther(c, `/events/${id}?done=${result.status}`);
  });

  app.post(`/events/${eventIdPattern}/cancel`, signedIn(), async (c) => {
    const id = c.req.param('id');
    const rate = await limited(c);
    if (!rate.allowed) return tooManyAttempts(c, rate);
    await cancelRegistration(db, id, personOf(c), config.publicUrl);
    return seeOther(c, `/events/${id}?done=cancelled`);
  });

  app.get(`/events/${eventIdPattern}/registrations.csv`, role('editor', 'admin'), async (c) => {
    authorize(signedInAccount(c), eventPolicy.seeRegistrations);
    const event = await findEvent(db, c.req.param('id'));
    if (!event) throw notFound(`no event "${c.req.param('id')}"`);
    const rows = (await registrationList(db, event.id)).map((r) => ({ name: r.name, status: r.status, since: r.since.toISOString() }));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${event.id}-registrations.csv"`);
    c.header('cache-control', 'private, no-store');
    return c.body(stringify(rows, { bom: true, header: true, escape_formulas: true, columns: ['name', 'status', 'since'] }));
  });

  return app;
}
