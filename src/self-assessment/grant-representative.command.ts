import { findUserByEmail } from '../accounts/user.repo.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findCity } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { cityAssessmentPolicy } from './city-assessment.policy.ts';
import { deleteRepresentative, insertRepresentative } from './representative.repo.ts';

/** Who grants: a signed-in admin (checked), or the operator at the command line (trusted, as for imports). */
export type GrantingActor = (NonNullable<Actor> & { ip: string | null }) | { operator: string };

/** What a grant or a revocation did. */
export type GrantOutcome = 'granted' | 'already-representative' | 'revoked' | 'not-representative';

/** A city named as on its page: "de/berlin". */
export function parseCityRef(ref: string): { country: string; slug: string } | undefined {
  const m = /^([a-z]{2})\/([^/\s]+)$/i.exec(ref.trim());
  return m ? { country: m[1].toUpperCase(), slug: m[2].toLowerCase() } : undefined;
}

/**
 * Makes the person with `email` a representative of a city (`grant`), or ends it, with an audit
 * entry. Admins only, or the operator. An unknown person or city is a 404 naming it.
 * @example await setRepresentative(db, 'ana@example.org', 'de/berlin', true, { operator: 'cli:ana' });
 */
export async function setRepresentative(db: Database, email: string, cityRef: string, grant: boolean, actor: GrantingActor): Promise<GrantOutcome> {
  if (!('operator' in actor)) authorize(actor, cityAssessmentPolicy.grant);
  const place = parseCityRef(cityRef);
  if (!place) throw badRequest(`"${cityRef}" is not a city: give it as on its page, country/slug, e.g. de/berlin`);
  return db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user) throw notFound(`no account with the email ${email}`);
    const city = await findCity(trx, place.country, place.slug);
    if (!city) throw notFound(`no city ${place.country.toLowerCase()}/${place.slug} is recorded (cities come with their practices)`);
    const changed = grant
      ? await insertRepresentative(trx, user.id, city, 'operator' in actor ? null : actor.userId)
      : await deleteRepresentative(trx, user.id, city);
    if (changed) {
      await recordAudit(trx, {
        action: grant ? 'representative_grant' : 'representative_revoke',
        actorUserId: 'operator' in actor ? null : actor.userId,
        target: user.email,
        ip: 'operator' in actor ? null : actor.ip,
        details: { city: `${city.country.toLowerCase()}/${city.slug}`, ...('operator' in actor ? { operator: actor.operator } : {}) },
      });
    }
    if (grant) return changed ? 'granted' : 'already-representative';
    return changed ? 'revoked' : 'not-representative';
  });
}
