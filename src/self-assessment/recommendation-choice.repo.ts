import type { Database } from '../db/database.ts';

/** What representatives did with a recommended practice. */
export type RecommendationChoice = 'shortlisted' | 'dismissed';

/** A city's choices on recommended practices, by practice id, in the order they were made. */
export async function recommendationChoices(db: Database, country: string, slug: string): Promise<Map<string, RecommendationChoice>> {
  const rows = await db
    .selectFrom('recommendation_choices')
    .select(['practice_id', 'choice'])
    .where('country', '=', country)
    .where('slug', '=', slug)
    .orderBy('chosen_at')
    .execute();
  return new Map(rows.map((r) => [r.practice_id, r.choice]));
}

/** Records a choice on a practice for a city, or clears it (null). */
export async function putRecommendationChoice(
  db: Database,
  city: { country: string; slug: string },
  practiceId: string,
  choice: RecommendationChoice | null,
  userId: number,
): Promise<void> {
  if (choice === null) {
    await db
      .deleteFrom('recommendation_choices')
      .where('country', '=', city.country)
      .where('slug', '=', city.slug)
      .where('practice_id', '=', practiceId)
      .execute();
    return;
  }
  await db
    .insertInto('recommendation_choices')
    .values({ country: city.country, slug: city.slug, practice_id: practiceId, choice, chosen_by: userId })
    .onConflict((oc) => oc.columns(['country', 'slug', 'practice_id']).doUpdateSet({ choice, chosen_by: userId }))
    .execute();
}
