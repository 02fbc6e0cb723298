import { figuresOfCity } from '../cities/figure.repo.ts';
import type { Database } from '../db/database.ts';
import type { Dimension } from '../framework/framework.ts';
import { isDerivable, type OutcomeSuggestion, suggestOutcomes } from '../framework/outcome-evidence.ts';

/**
 * The outcome answers a city's recorded figures suggest on one dimension's page, as of `today`;
 * none, and no query, when no question of the dimension can be answered from figures.
 * @example await outcomeSuggestions(db, { country: 'DE', slug: 'berlin' }, dimension, new Date())
 */
export async function outcomeSuggestions(
  db: Database,
  city: { country: string; slug: string },
  dimension: Dimension,
  today: Date,
): Promise<OutcomeSuggestion[]> {
  if (!dimension.questions.some((q) => isDerivable(q.code))) return [];
  return suggestOutcomes(dimension, await figuresOfCity(db, city.country, city.slug), today);
}
