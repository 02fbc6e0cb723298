import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { standingIn } from './answer-exchange.command.ts';
import { exchangePolicy } from './exchange.policy.ts';
import { type Exchange, findExchange, lockExchange, practicePlace, setOutcomePractice } from './exchange.repo.ts';

/**
 * Names the practice that came out of an accepted exchange: a published practice of either
 * city. The asker or either city's representatives; a 404 for no such exchange, a 403 for anyone
 * else, a 409 when it is not accepted, a 400 (on the field) for an unknown practice or one of
 * another city. Audited; the practice page then shows it in its lineage.
 * @example await linkOutcome(db, 12, 'neighbourhood-mothers-vienna', actor);
 */
export async function linkOutcome(db: Database, id: number, practiceId: string, actor: NonNullable<Actor> & { ip: string | null }): Promise<Exchange> {
  const x = await findExchange(db, id);
  if (!x) throw notFound(`no exchange ${id}`);
  authorize(actor, exchangePolicy.linkOutcome, await standingIn(db, x, actor.userId));
  if (x.state !== 'accepted') throw conflict('only an accepted exchange names the practice that came out of it');
  const practice = await practicePlace(db, practiceId);
  if (!practice) throw badRequest(`no published practice "${practiceId}"`, [{ path: 'practice', message: 'exchanges.outcome.practice.unknown' }]);
  const ofCity = (c: { country: string; slug: string }) => practice.country === c.country && practice.citySlug === c.slug;
  if (!ofCity(x.from) && !ofCity(x.to))
    throw badRequest('the practice is of neither city', [{ path: 'practice', message: 'exchanges.outcome.practice.elsewhere' }]);
  await db.transaction().execute(async (trx) => {
    await lockExchange(trx, id);
    await setOutcomePractice(trx, id, practice.id, actor.userId);
    await recordAudit(trx, {
      action: 'exchange_practice',
      actorUserId: actor.userId,
      target: `exchange:${id}`,
      ip: actor.ip,
      details: { practice: practice.id },
    });
  });
  return x;
}
