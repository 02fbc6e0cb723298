import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { seedDemoReviews } from '../call-review/demo-reviews.ts';
import { insertApplication } from '../calls/application.repo.ts';
import { freeCallSlug, insertCall, markCallPublished } from '../calls/call.repo.ts';
import { eligibleKinds, questionsSchema, rubricSchema } from '../calls/call-form.schema.ts';
import type { Database } from '../db/database.ts';
import { isTimeZone, zonedToUtc } from '../events/zoned-time.ts';

const callsSchema = z.object({
  calls: z.array(
    z.object({
      slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      title: z.string().min(1),
      description: z.string(),
      eligible: z.array(z.enum(eligibleKinds)).min(1),
      opens: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
      closes: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
      time_zone: z.string().refine(isTimeZone, 'an IANA time zone'),
      reviewers_per_application: z.number().int().min(1).max(10),
      languages: z.array(z.string().regex(/^[a-z]{2,3}$/)),
      questions: questionsSchema,
      rubric: rubricSchema,
      applications: z.array(
        z.object({
          name: z.string().min(1),
          city: z.string().min(1),
          country: z.string().regex(/^[A-Z]{2}$/),
          consent_public: z.boolean(),
          answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
        }),
      ),
    }),
  ),
});

/**
 * The demo's example call (`demo/calls.json`): "Host a Dialogue Café in your city", marked as an
 * example, closed (its dates are past), with its rubric and a few submitted applications from demo
 * cities; then the review side's example reviews and decisions (`seedDemoReviews`). A call already
 * recorded is left alone. Returns the calls added.
 * @example await seedDemoCalls(db, 'demo');
 */
export async function seedDemoCalls(db: Database, demoDir: string): Promise<number> {
  const { calls } = callsSchema.parse(JSON.parse(await fs.readFile(path.join(demoDir, 'calls.json'), 'utf8')));
  let added = 0;
  for (const c of calls) {
    if ((await freeCallSlug(db, c.slug)) !== c.slug) continue;
    await db.transaction().execute(async (trx) => {
      const closesAt = zonedToUtc(c.closes, c.time_zone);
      const id = await insertCall(
        trx,
        c.slug,
        {
          title: c.title,
          description: c.description,
          eligible: c.eligible,
          themes: ['social-cohesion', 'political-participation'],
          opens_at: zonedToUtc(c.opens, c.time_zone),
          closes_at: closesAt,
          time_zone: c.time_zone,
          questions: c.questions,
          rubric: c.rubric,
          reviewers_per_application: c.reviewers_per_application,
          languages: c.languages,
        },
        null,
        true,
      );
      await markCallPublished(trx, id);
      for (const [i, a] of c.applications.entries()) {
        const appId = await insertApplication(
          trx,
          id,
          null,
          { applicantKind: 'city', name: a.name, city: a.city, country: a.country, organizationId: null },
          a.answers,
        );
        // Submitted a few days before the deadline, one after the other.
        await trx
          .updateTable('applications')
          .set({ state: 'submitted', consent_public: a.consent_public, submitted_at: new Date(closesAt.getTime() - (10 - i) * 86_400_000) })
          .where('id', '=', appId)
          .execute();
      }
    });
    added++;
  }
  await seedDemoReviews(db);
  return added;
}
