import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { lockEvent } from './event.repo.ts';
import { promoteWaiting } from './event-registration.command.ts';
import { setRegistrationStatus } from './event-registration.repo.ts';

/**
 * A person's registrations, for "download my data".
 * @example const registrations = await registrationsOf(db, userId);
 */
export async function registrationsOf(db: Database, userId: number) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['e.id as event', 'e.title', 'e.starts_at', 'r.status', 'r.queued_at', 'r.updated_at'])
    .where('r.user_id', '=', userId)
    .orderBy('e.starts_at')
    .execute();
}

/**
 * Gives up a deleted account's places and waiting-list entries in events still to come, in the
 * deletion's transaction: each place goes to the first person waiting, as a cancellation would.
 * @example await forgetRegistrant(trx, userId, publicUrl);
 */
export async function forgetRegistrant(trx: Transaction<DB>, userId: number, publicUrl: string, now = new Date()): Promise<void> {
  const open = await trx
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id', 'r.status'])
    .where('r.user_id', '=', userId)
    .where('r.status', 'in', ['registered', 'waiting'])
    .where('e.starts_at', '>', now)
    .orderBy('r.event_id')
    .execute();
  for (const r of open) {
    const event = await lockEvent(trx, r.event_id);
    if (!event) continue;
    await setRegistrationStatus(trx, Number(r.id), 'cancelled');
    if (r.status === 'registered') await promoteWaiting(trx, event, publicUrl);
  }
}
