import { type CityRow, findCity } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { authorize } from '../security/authorize.ts';
import { cityAssessmentPolicy } from './city-assessment.policy.ts';
import { isRepresentative } from './representative.repo.ts';

/** A signed-in person acting for a city, and from where (for the revisions and the audit log). */
export interface AssessmentActor {
  userId: number;
  name: string;
  role: Role;
  ip: string | null;
}

/**
 * The city a person acts for, once the rules allow it: a 404 for a city not recorded, a 403
 * for anyone who does not represent it.
 * @example const city = await representedCity(db, 'DE', 'berlin', actor);
 */
export async function representedCity(db: Database, country: string, slug: string, actor: AssessmentActor): Promise<CityRow> {
  const city = await findCity(db, country, slug);
  if (!city) throw notFound(`no city "${slug}" in "${country}"`);
  authorize(actor, cityAssessmentPolicy.answer, { represented: await isRepresentative(db, actor.userId, country, slug) });
  return city;
}
