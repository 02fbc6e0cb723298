import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { conflict, notFound } from '../http/errors.ts';
import { queueMail } from '../mail/mail-queue.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { addresseeOf, findMembership, insertRequest, requestReviewers } from './membership.repo.ts';
import { joinRequestMail } from './membership-mails.ts';
import { organizationPolicy } from './organization.policy.ts';
import { findOrganization } from './organization.repo.ts';

/**
 * A signed-in person asks to join an organisation of the directory, with an optional note; its
 * admins (or, while it has none, the site's editors) get a mail, in the same transaction. A 404
 * for an unknown organisation, a 409 for someone who already belongs or already asked.
 * @example await requestMembership({ db, publicUrl }, 'c40-cities', 'I run the Accra programme.', { userId: 4, role: 'member', ip: null });
 */
export async function requestMembership(
  deps: { db: Database; publicUrl: string },
  slug: string,
  note: string | null,
  actor: NonNullable<Actor> & { ip: string | null },
): Promise<void> {
  const org = await findOrganization(deps.db, slug);
  if (!org) throw notFound(`no organisation "${slug}"`);
  await deps.db.transaction().execute(async (trx) => {
    const place = await findMembership(trx, org.id, actor.userId);
    if (place) throw conflict(place.state === 'requested' ? 'you have already asked to join' : 'you are already a member');
    authorize(actor, organizationPolicy.join, place);
    const requester = await addresseeOf(trx, actor.userId);
    if (!requester || !(await insertRequest(trx, org.id, actor.userId, note))) throw conflict('you have already asked to join');
    await recordAudit(trx, { action: 'organization_join_request', actorUserId: actor.userId, target: slug, ip: actor.ip });
    for (const to of await requestReviewers(trx, org.id)) {
      if (to.id === actor.userId) continue;
      await queueMail(trx, joinRequestMail(to, { org, requester: requester.name, note, publicUrl: deps.publicUrl }));
    }
  });
}
