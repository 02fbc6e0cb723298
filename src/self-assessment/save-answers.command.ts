import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { Dimension } from '../framework/framework.ts';
import { conflict } from '../http/errors.ts';
import type { DimensionAnswers } from './assessment-answers.schema.ts';
import { type AnswerContent, answersOf, bumpVersion, insertAssessmentRevision, lockDraft, putAnswer } from './city-assessment.repo.ts';
import { type AssessmentActor, representedCity } from './represented-city.ts';

const same = (a: AnswerContent | undefined, b: AnswerContent | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && a.option === b.option && a.unanswered === b.unanswered && a.evidence_url === b.evidence_url && a.note === b.note);

/**
 * Saves the answers of one dimension to the city's draft, in one transaction: each changed
 * answer is written with a revision (before and after, by whom) and the draft's version moves
 * on; an audit entry says how many changed. The page was based on `input.version`: when another
 * representative saved meanwhile, nothing is written and a conflict (409) is raised, so no one
 * overwrites what they have not seen. The city's representatives only; a draft must be open.
 * @example const { changed, version } = await saveDimensionAnswers(db, 'DE', 'berlin', dimension, input, actor);
 */
export async function saveDimensionAnswers(
  db: Database,
  country: string,
  slug: string,
  dimension: Dimension,
  input: DimensionAnswers,
  actor: AssessmentActor,
): Promise<{ changed: number; version: number }> {
  await representedCity(db, country, slug, actor);
  return db.transaction().execute(async (trx) => {
    const draft = await lockDraft(trx, country, slug);
    if (!draft) throw conflict('this self-assessment was published meanwhile; open a new draft to go on');
    if (draft.version !== input.version)
      throw conflict(`the draft was saved by someone else meanwhile (version ${draft.version}, this page had ${input.version})`);
    const id = String(draft.id);
    const stored = await answersOf(trx, id);
    let changed = 0;
    for (const q of dimension.questions) {
      const row = stored.get(q.code);
      const before: AnswerContent | undefined = row
        ? { option: row.option, unanswered: row.unanswered, evidence_url: row.evidence_url, note: row.note }
        : undefined;
      const after = input.answers.get(q.code);
      if (same(before, after)) continue;
      await putAnswer(trx, id, q.code, after, actor.userId);
      await insertAssessmentRevision(trx, id, { question: q.code, before, after, author: actor.name, authorId: actor.userId, message: '' });
      changed++;
    }
    if (changed === 0) return { changed, version: draft.version };
    const version = await bumpVersion(trx, id);
    await recordAudit(trx, {
      action: 'assessment_answers',
      actorUserId: actor.userId,
      target: `${country.toLowerCase()}/${slug}`,
      ip: actor.ip,
      details: { assessment: id, dimension: dimension.code, changed },
    });
    return { changed, version };
  });
}
