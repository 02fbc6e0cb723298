import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { practiceTitles } from './recommendation.repo.ts';
import { putRecommendationChoice, type RecommendationChoice } from './recommendation-choice.repo.ts';
import { type AssessmentActor, representedCity } from './represented-city.ts';

/**
 * Saves a recommended practice to the city's shortlist, dismisses it (it is recommended no more),
 * or clears that choice (null), with an audit entry. Representatives only; an unknown practice is a 404.
 * @example await chooseRecommendation(db, 'DE', 'duisburg', 'vienna-start-wien', 'shortlisted', actor);
 */
export async function chooseRecommendation(
  db: Database,
  country: string,
  slug: string,
  practiceId: string,
  choice: RecommendationChoice | null,
  actor: AssessmentActor,
): Promise<void> {
  await representedCity(db, country, slug, actor);
  if (!(await practiceTitles(db, [practiceId], 'en')).has(practiceId)) throw notFound(`no practice "${practiceId}"`);
  await db.transaction().execute(async (trx) => {
    await putRecommendationChoice(trx, { country, slug }, practiceId, choice, actor.userId);
    await recordAudit(trx, {
      action: 'recommendation_choice',
      actorUserId: actor.userId,
      target: `${country.toLowerCase()}/${slug}`,
      ip: actor.ip,
      details: { practice: practiceId, choice: choice ?? 'cleared' },
    });
  });
}
