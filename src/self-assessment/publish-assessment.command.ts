import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { CityAssessmentVisibility } from '../db/schema.ts';
import { framework } from '../framework/framework.ts';
import { scoreAssessment } from '../framework/scoring.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { scoringAnswers } from './assessment-score.service.ts';
import { answersOf, insertAssessmentRevision, lockDraft, markPublished } from './city-assessment.repo.ts';
import { type AssessmentActor, representedCity } from './represented-city.ts';

/**
 * Publishes the city's draft as a dated snapshot, public or private, in one transaction with a
 * revision and an audit entry; the next draft starts from it. Refused (409) when the draft was
 * saved since the page was shown, and (400) when nothing is answered. Representatives only.
 * @example const id = await publishAssessment(db, 'DE', 'berlin', { version: 7, visibility: 'public' }, actor);
 */
export async function publishAssessment(
  db: Database,
  country: string,
  slug: string,
  input: { version: number; visibility: CityAssessmentVisibility },
  actor: AssessmentActor,
): Promise<string> {
  await representedCity(db, country, slug, actor);
  return db.transaction().execute(async (trx) => {
    const draft = await lockDraft(trx, country, slug);
    if (!draft) throw conflict('there is no draft to publish: it was published meanwhile');
    if (draft.version !== input.version) throw conflict(`the draft was saved by someone else since this page was shown (version ${draft.version})`);
    const id = String(draft.id);
    const answers = await answersOf(trx, id);
    if (answers.size === 0) throw badRequest('nothing is answered yet: answer at least one question before publishing');
    await markPublished(trx, id, actor.userId, input.visibility, scoreAssessment(framework, scoringAnswers(answers)));
    await insertAssessmentRevision(trx, id, {
      question: null,
      before: { state: 'draft' },
      after: { state: 'published', visibility: input.visibility },
      author: actor.name,
      authorId: actor.userId,
      message: 'Published',
    });
    await recordAudit(trx, {
      action: 'assessment_publish',
      actorUserId: actor.userId,
      target: `${country.toLowerCase()}/${slug}`,
      ip: actor.ip,
      details: { assessment: id, visibility: input.visibility, answers: answers.size },
    });
    return id;
  });
}
