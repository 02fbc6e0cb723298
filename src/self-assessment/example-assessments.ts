import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { framework } from '../framework/framework.ts';
import { type Answer, scoreAssessment } from '../framework/scoring.ts';
import { parseCityRef } from './grant-representative.command.ts';

const choice = z.string().min(1);
const examplesSchema = z.object({
  about: z.string(),
  assessments: z.array(z.object({ city: z.string(), published: z.iso.datetime(), answers: z.record(z.string(), choice) })),
});

/** The answers of a file as the scoring reads them; unknown questions or options stop the seed (the file is the project's). */
function checked(answers: Record<string, string>): Record<string, Answer> {
  const read: Record<string, Answer> = {};
  for (const [code, c] of Object.entries(answers)) read[code] = c === 'dont-know' || c === 'not-applicable' ? { unanswered: c } : { option: c };
  scoreAssessment(framework, read);
  return read;
}

/**
 * Loads the demo's example self-assessments (demo/example-assessments.json) as public published
 * snapshots marked `example`, which every page showing them says are not the city's own answers.
 * A city that already has an assessment of any kind is left alone, so loading again adds nothing.
 * @example await seedExampleAssessments(db, JSON.parse(text));
 */
export async function seedExampleAssessments(db: Database, file: unknown): Promise<number> {
  const { assessments } = examplesSchema.parse(file);
  let added = 0;
  await db.transaction().execute(async (trx) => {
    const taken = new Set<string>();
    for (const a of assessments) {
      const place = parseCityRef(a.city);
      if (!place) throw new Error(`example assessment for "${a.city}": not a city reference`);
      const answers = checked(a.answers);
      const key = `${place.country}/${place.slug}`;
      if (!taken.has(key)) {
        const existing = await trx
          .selectFrom('city_assessments')
          .select('id')
          .where('country', '=', place.country)
          .where('slug', '=', place.slug)
          .executeTakeFirst();
        const city = await trx.selectFrom('cities').select('slug').where('country', '=', place.country).where('slug', '=', place.slug).executeTakeFirst();
        if (existing || !city) continue;
        taken.add(key);
      }
      const { id } = await trx
        .insertInto('city_assessments')
        .values({
          country: place.country,
          slug: place.slug,
          framework_version: framework.version,
          state: 'published',
          visibility: 'public',
          example: true,
          published_at: sql<Date>`${a.published}::timestamptz`,
          scores: JSON.stringify(scoreAssessment(framework, answers)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [question, answer] of Object.entries(answers)) {
        await trx
          .insertInto('city_assessment_answers')
          .values({
            assessment_id: String(id),
            question,
            option: 'option' in answer ? answer.option : null,
            unanswered: 'unanswered' in answer ? answer.unanswered : null,
          })
          .execute();
      }
      added++;
    }
  });
  return added;
}
