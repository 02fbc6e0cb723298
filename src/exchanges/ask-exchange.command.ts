import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { ExchangeKind } from '../db/schema.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { queueMail } from '../mail/mail-queue.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { citiesRepresentedBy } from '../self-assessment/representative.repo.ts';
import { exchangePolicy } from './exchange.policy.ts';
import { addresseeOf, cityAddressees, exchangeCity, insertExchange, practicePlace } from './exchange.repo.ts';
import type { CityKey } from './exchange.schema.ts';
import { exchangeRequestMail } from './exchange-mails.ts';

/** What a request for an exchange says. */
export interface ExchangeRequest {
  from: CityKey;
  to: CityKey;
  kind: ExchangeKind;
  theme: string;
  message: string;
  practiceId: string | null;
}

const sameCity = (a: CityKey, b: CityKey) => a.country === b.country && a.slug === b.slug;

/**
 * A signed-in person asks another city for an exchange. Someone who represents cities asks on
 * behalf of one of them; someone who represents none names their own city (the request says
 * so). The request is recorded whether or not the asked city has representatives on the site;
 * those it has get a mail in the same transaction (Reply-To the asker), later ones find it at
 * /exchanges. A 400 with the field for an unknown city, the same city twice or a city the
 * person may not ask for; a 409 when a request between the two cities already waits. Audited.
 * @example const { id, addressed } = await askExchange({ db, publicUrl }, request, actor);
 */
export async function askExchange(
  deps: { db: Database; publicUrl: string },
  request: ExchangeRequest,
  actor: NonNullable<Actor> & { ip: string | null },
): Promise<{ id: number; addressed: number }> {
  authorize(actor, exchangePolicy.ask);
  const { db } = deps;
  const [from, to, represented, practice] = await Promise.all([
    exchangeCity(db, request.from),
    exchangeCity(db, request.to),
    citiesRepresentedBy(db, [actor.userId]).then((m) => m.get(actor.userId) ?? []),
    request.practiceId ? practicePlace(db, request.practiceId) : undefined,
  ]);
  if (!from) throw badRequest('the asking city is not recorded', [{ path: 'from', message: 'exchanges.form.from.unknown' }]);
  if (!to) throw badRequest('the asked city is not recorded', [{ path: 'to', message: 'exchanges.form.to.unknown' }]);
  if (sameCity(from, to)) throw badRequest('a city cannot ask itself', [{ path: 'to', message: 'exchanges.form.to.same' }]);
  const onBehalf = represented.some((c) => sameCity(c, from));
  if (represented.length > 0 && !onBehalf)
    throw badRequest('ask on behalf of a city you represent', [{ path: 'from', message: 'exchanges.form.from.not_yours' }]);
  return db.transaction().execute(async (trx) => {
    const exchange = { from, to, kind: request.kind, theme: request.theme, message: request.message, onBehalf };
    const id = await insertExchange(trx, { ...exchange, practiceId: practice?.id ?? null, requestedBy: actor.userId });
    if (id === undefined) throw conflict(`a request from ${from.name} to ${to.name} already waits for an answer`);
    await recordAudit(trx, {
      action: 'exchange_request',
      actorUserId: actor.userId,
      target: `exchange:${id}`,
      ip: actor.ip,
      details: { from: `${from.country}/${from.slug}`, to: `${to.country}/${to.slug}`, kind: request.kind, theme: request.theme, onBehalf },
    });
    const requester = await addresseeOf(trx, actor.userId);
    const addressees = (await cityAddressees(trx, to)).filter((a) => a.id !== actor.userId);
    if (requester) for (const a of addressees) await queueMail(trx, exchangeRequestMail(a, { exchange, requester, publicUrl: deps.publicUrl }));
    return { id, addressed: addressees.length };
  });
}
