import type { Database } from '../db/database.ts';
import { consumeRates, type RateResult, type RateRule } from '../security/rate-limit.ts';

const hours = (h: number) => h * 3600;

/**
 * How many messages the contact forms pass: per sender (a few an hour is plenty for people
 * writing by hand; a script is stopped quickly) and per recipient (nobody's mailbox is flooded,
 * however many accounts write to them).
 */
export const contactRules = {
  senderHour: { limit: 5, windowSeconds: hours(1) },
  senderDay: { limit: 20, windowSeconds: hours(24) },
  recipientDay: { limit: 20, windowSeconds: hours(24) },
} satisfies Record<string, RateRule>;

/**
 * Counts one message from `senderId` to `recipient` (e.g. `person:12`, `org:c40-cities`) and
 * returns the strictest outcome.
 * @example const r = await countContact(db, account.userId, `person:${p.id}`); if (!r.allowed) …
 */
export function countContact(db: Database, senderId: number, recipient: string): Promise<RateResult> {
  return consumeRates(db, [
    [`contact:from:${senderId}:hour`, contactRules.senderHour],
    [`contact:from:${senderId}:day`, contactRules.senderDay],
    [`contact:to:${recipient}`, contactRules.recipientDay],
  ]);
}
