import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { organizationPolicy } from './organization.policy.ts';
import { setVerified } from './organization.repo.ts';

/**
 * An editor gives an organisation the verified badge (they checked it exists and is what it
 * says), or withdraws it; audited. A 403 for anyone else, a 404 for an unknown organisation.
 * @example await verifyOrganization(db, 'international-metropolis', true, { userId: 3, role: 'editor', ip: null });
 */
export async function verifyOrganization(db: Database, slug: string, verified: boolean, actor: NonNullable<Actor> & { ip: string | null }): Promise<void> {
  authorize(actor, organizationPolicy.verify);
  await db.transaction().execute(async (trx) => {
    if (!(await setVerified(trx, slug, verified, actor.userId))) throw notFound(`no organisation "${slug}"`);
    await recordAudit(trx, { action: 'organization_verify', actorUserId: actor.userId, target: slug, ip: actor.ip, details: { verified } });
  });
}
