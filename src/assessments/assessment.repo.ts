import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AssessmentRating } from '../db/schema.ts';
import type { AssessmentInput } from './assessment.schema.ts';
import { type AssessmentCriterion, assessmentCriteria } from './assessment-criteria.ts';

/** The current assessment of a practice, as the practice page and the form show it. */
export interface PracticeAssessment {
  practiceId: string;
  ratings: Record<AssessmentCriterion, { rating: AssessmentRating; note: string }>;
  evidenceLevel: number;
  /** The assessor's display name; null when their account no longer exists. Never their email. */
  assessorName: string | null;
  assessedAt: Date;
}

/**
 * The current assessment of a practice with the assessor's name, in one query; undefined when
 * no editor has assessed it.
 * @example const assessment = await findAssessment(db, 'barcelona-anti-rumour');
 */
export async function findAssessment(db: Database, practiceId: string): Promise<PracticeAssessment | undefined> {
  const row = await db
    .selectFrom('practice_assessments as a')
    .leftJoin('users as u', 'u.id', 'a.assessed_by')
    .selectAll('a')
    .select('u.name as assessor_name')
    .where('a.practice_id', '=', practiceId)
    .executeTakeFirst();
  if (!row) return undefined;
  const ratings = {} as PracticeAssessment['ratings'];
  for (const c of assessmentCriteria) ratings[c] = { rating: row[c], note: row[`${c}_note`] };
  return {
    practiceId: row.practice_id,
    ratings,
    evidenceLevel: Number(row.evidence_level),
    assessorName: row.assessor_name ?? null,
    assessedAt: new Date(row.assessed_at),
  };
}

/**
 * Writes a practice's assessment, replacing the previous one (one current assessment per
 * practice). Pass the transaction that also updates `practices.assessed`.
 * @example await upsertAssessment(trx, 'barcelona-anti-rumour', input, editor.userId);
 */
export async function upsertAssessment(db: Database, practiceId: string, input: AssessmentInput, assessorId: number): Promise<void> {
  const columns = {
    practical: input.ratings.practical.rating,
    practical_note: input.ratings.practical.note,
    innovative: input.ratings.innovative.rating,
    innovative_note: input.ratings.innovative.note,
    successful: input.ratings.successful.rating,
    successful_note: input.ratings.successful.note,
    transferable: input.ratings.transferable.rating,
    transferable_note: input.ratings.transferable.note,
    evidence_level: input.evidenceLevel,
    assessed_by: assessorId,
    assessed_at: new Date(),
  };
  await db
    .insertInto('practice_assessments')
    .values({ practice_id: practiceId, ...columns })
    .onConflict((oc) => oc.column('practice_id').doUpdateSet(columns))
    .execute();
}

/**
 * Copies the criteria judged "yes" onto the practice row, where search filters and counts
 * them through a GIN index (like themes) without joining the assessments table.
 * @example await setAssessedCriteria(trx, 'barcelona-anti-rumour', ['practical', 'transferable']);
 */
export async function setAssessedCriteria(db: Database, practiceId: string, criteria: AssessmentCriterion[]): Promise<void> {
  await db
    .updateTable('practices')
    .set({ assessed: sql<string[]>`${sql.val(criteria)}::text[]` })
    .where('id', '=', practiceId)
    .execute();
}
