import type { Database } from '../db/database.ts';
import { framework } from '../framework/framework.ts';
import { copyAnswers, findDraft, insertAssessmentRevision, insertDraft, latestSnapshot } from './city-assessment.repo.ts';
import { type AssessmentActor, representedCity } from './represented-city.ts';

/**
 * Opens the city's draft of the current framework version, or finds the one already open: a new
 * draft starts from the answers of the city's latest snapshot of the same version, so a
 * representative only changes what changed. The city's representatives only.
 * @example const id = await openDraft(db, 'DE', 'berlin', actor);
 */
export async function openDraft(db: Database, country: string, slug: string, actor: AssessmentActor): Promise<string> {
  await representedCity(db, country, slug, actor);
  return db.transaction().execute(async (trx) => {
    const open = await findDraft(trx, country, slug);
    if (open) return String(open.id);
    const id = await insertDraft(trx, country, slug, framework.version);
    const last = await latestSnapshot(trx, country, slug);
    if (last && last.framework_version === framework.version) await copyAnswers(trx, String(last.id), id);
    await insertAssessmentRevision(trx, id, {
      question: null,
      before: undefined,
      after: { state: 'draft', from: last ? String(last.id) : null },
      author: actor.name,
      authorId: actor.userId,
      message: 'Draft opened',
    });
    return id;
  });
}
