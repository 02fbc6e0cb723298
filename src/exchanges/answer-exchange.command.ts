import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { conflict, notFound } from '../http/errors.ts';
import { queueMail } from '../mail/mail-queue.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { isRepresentative } from '../self-assessment/representative.repo.ts';
import { type ExchangeStanding, exchangePolicy } from './exchange.policy.ts';
import { addresseeOf, type Exchange, findExchange, lockExchange, moveExchange } from './exchange.repo.ts';
import { exchangeDecisionMail } from './exchange-mails.ts';

/** What is done to a waiting request: accepted or declined by the asked city (with a message), or withdrawn by the asker. */
export type ExchangeAnswer = { outcome: 'accepted' | 'declined'; message: string | null } | { outcome: 'withdrawn' };

/**
 * What a person is to an exchange: the asker, a representative of either city.
 * @example const standing = await standingIn(db, exchange, actor.userId);
 */
export async function standingIn(db: Database, x: Exchange, userId: number): Promise<ExchangeStanding> {
  const [representsAsking, representsAsked] = await Promise.all([
    isRepresentative(db, userId, x.from.country, x.from.slug),
    isRepresentative(db, userId, x.to.country, x.to.slug),
  ]);
  return { asker: x.requestedBy === userId, representsAsking, representsAsked };
}

/**
 * Answers a waiting request: the asked city's representatives accept or decline it (the asker
 * gets a mail with their message), or the asker (or the asking city's representatives) withdraw
 * it. A 404 for no such exchange, a 403 for anyone else, a 409 once it no longer waits. Audited.
 * @example await answerExchange({ db, publicUrl }, 12, { outcome: 'accepted', message: 'Welcome!' }, actor);
 */
export async function answerExchange(
  deps: { db: Database; publicUrl: string },
  id: number,
  answer: ExchangeAnswer,
  actor: NonNullable<Actor> & { ip: string | null },
): Promise<Exchange> {
  const x = await findExchange(deps.db, id);
  if (!x) throw notFound(`no exchange ${id}`);
  const standing = await standingIn(deps.db, x, actor.userId);
  authorize(actor, answer.outcome === 'withdrawn' ? exchangePolicy.withdraw : exchangePolicy.decide, standing);
  const message = answer.outcome === 'withdrawn' ? null : answer.message;
  await deps.db.transaction().execute(async (trx) => {
    await lockExchange(trx, id);
    if (!(await moveExchange(trx, id, 'requested', answer.outcome, actor.userId, message))) throw conflict('this request no longer waits for an answer');
    const action = answer.outcome === 'accepted' ? 'exchange_accept' : answer.outcome === 'declined' ? 'exchange_decline' : 'exchange_withdraw';
    await recordAudit(trx, { action, actorUserId: actor.userId, target: `exchange:${id}`, ip: actor.ip });
    if (answer.outcome === 'withdrawn' || x.requestedBy === null || x.requestedBy === actor.userId) return;
    const asker = await addresseeOf(trx, x.requestedBy);
    if (asker) await queueMail(trx, exchangeDecisionMail(asker, { exchange: x, outcome: answer.outcome, message, publicUrl: deps.publicUrl }));
  });
  return x;
}
