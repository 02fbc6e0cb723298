import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { SessionAccount } from '../http/app-env.ts';
import { conflict, notFound } from '../http/errors.ts';
import { queueMail } from '../mail/mail-queue.ts';
import { authorize } from '../security/authorize.ts';
import { eventPolicy } from './event.policy.ts';
import { type EventRow, lockEvent } from './event.repo.ts';
import { registrationMail } from './event-mails.ts';
import { firstWaiting, registrationCounts, registrationOf, saveRegistration, setRegistrationStatus, waitingPlace } from './event-registration.repo.ts';

/** The person acting, as a session knows them, and where they are (for the audit log). */
export type Registrant = Pick<SessionAccount, 'userId' | 'role' | 'email' | 'name' | 'locale'> & { ip: string | null };

/** Where the person stands after asking: a place, or a place on the waiting list (1 is next); `changed` false when they already stood there. */
export interface RegistrationResult {
  status: 'registered' | 'waiting' | 'cancelled';
  place?: number;
  changed: boolean;
}

/** The event locked for a change of its list, refused once it has started or when it has no places on the site. */
async function openEvent(trx: Transaction<DB>, eventId: string, now: Date): Promise<EventRow & { capacity: number }> {
  const event = await lockEvent(trx, eventId);
  if (!event) throw notFound(`no event "${eventId}"`);
  if (!event.capacity) throw conflict('this event takes no registration on the site');
  if (event.starts_at <= now) throw conflict('registration is closed: the event has started');
  return event as EventRow & { capacity: number };
}

/**
 * Gives the places the event has free to the first people of its waiting list, in order, in the
 * caller's transaction (which holds the event's row), and mails each of them. Returns how many moved up.
 */
export async function promoteWaiting(trx: Transaction<DB>, event: EventRow, publicUrl: string): Promise<number> {
  if (!event.capacity) return 0;
  const { registered } = await registrationCounts(trx, event.id);
  const movers = await firstWaiting(trx, event.id, event.capacity - registered);
  for (const p of movers) {
    await setRegistrationStatus(trx, p.registrationId, 'registered');
    await queueMail(trx, registrationMail('promoted', p, event, publicUrl));
  }
  return movers.length;
}

/**
 * A signed-in person registers for an event with places on the site: a place while there is one,
 * else the end of the waiting list. The event's row is locked first (FOR UPDATE), so two people
 * registering at once are counted one after the other and never exceed the places. Mails the
 * person where they stand; asking again changes nothing. A 409 once the event has started.
 * @example const { status, place } = await registerForEvent(db, 'housing-forum-2027', person, publicUrl);
 */
export async function registerForEvent(db: Database, eventId: string, person: Registrant, publicUrl: string, now = new Date()): Promise<RegistrationResult> {
  authorize(person, eventPolicy.register);
  return db.transaction().execute(async (trx) => {
    const event = await openEvent(trx, eventId, now);
    const before = await registrationOf(trx, eventId, person.userId);
    if (before && before.status !== 'cancelled') {
      const place = before.status === 'waiting' ? await waitingPlace(trx, eventId, before.id) : undefined;
      return { status: before.status, place, changed: false };
    }
    const { registered } = await registrationCounts(trx, eventId);
    const saved = await saveRegistration(trx, eventId, person.userId, registered < event.capacity ? 'registered' : 'waiting');
    const place = saved.status === 'waiting' ? await waitingPlace(trx, eventId, saved.id) : undefined;
    await queueMail(trx, registrationMail(saved.status === 'waiting' ? 'waiting' : 'registered', person, event, publicUrl, place));
    await recordAudit(trx, { action: 'event_register', actorUserId: person.userId, target: eventId, ip: person.ip, details: { status: saved.status } });
    return { status: saved.status, place, changed: true };
  });
}

/**
 * The person gives up their place or leaves the waiting list; a place given up goes at once to
 * the first person waiting (same transaction, the event's row locked). Only the person who
 * registered may (403 otherwise); a second cancel changes nothing; a 409 once the event has started.
 * @example await cancelRegistration(db, 'housing-forum-2027', person, publicUrl);
 */
export async function cancelRegistration(db: Database, eventId: string, person: Registrant, publicUrl: string, now = new Date()): Promise<RegistrationResult> {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) throw notFound(`no event "${eventId}"`);
    const registration = await registrationOf(trx, eventId, person.userId);
    authorize(person, eventPolicy.cancel, registration);
    if (!registration || registration.status === 'cancelled') return { status: 'cancelled', changed: false };
    if (event.starts_at <= now) throw conflict('registration is closed: the event has started');
    await setRegistrationStatus(trx, registration.id, 'cancelled');
    await queueMail(trx, registrationMail('cancelled', person, event, publicUrl));
    await recordAudit(trx, { action: 'event_cancel', actorUserId: person.userId, target: eventId, ip: person.ip, details: { was: registration.status } });
    if (registration.status === 'registered') await promoteWaiting(trx, event, publicUrl);
    return { status: 'cancelled', changed: true };
  });
}
