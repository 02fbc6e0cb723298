import { type Selectable, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CityAssessmentAnswersTable, CityAssessmentsTable, CityAssessmentVisibility } from '../db/schema.ts';

/** An assessment row: a city's draft or a published snapshot. */
export type CityAssessmentRow = Selectable<CityAssessmentsTable>;
/** An answer row. */
export type AnswerRow = Selectable<CityAssessmentAnswersTable>;

/** What an answer holds, without who saved it when: what a revision keeps and a save compares. */
export interface AnswerContent {
  option: string | null;
  unanswered: 'dont-know' | 'not-applicable' | null;
  evidence_url: string | null;
  note: string | null;
}

/** The city's draft, undefined when none is open. */
export async function findDraft(db: Database, country: string, slug: string): Promise<CityAssessmentRow | undefined> {
  return db.selectFrom('city_assessments').selectAll().where('country', '=', country).where('slug', '=', slug).where('state', '=', 'draft').executeTakeFirst();
}

/** The city's draft locked for the rest of the transaction, undefined when none is open. */
export async function lockDraft(db: Database, country: string, slug: string): Promise<CityAssessmentRow | undefined> {
  return db
    .selectFrom('city_assessments')
    .selectAll()
    .where('country', '=', country)
    .where('slug', '=', slug)
    .where('state', '=', 'draft')
    .forUpdate()
    .executeTakeFirst();
}

/** Opens a draft for a city (none may be open); returns its id. */
export async function insertDraft(db: Database, country: string, slug: string, frameworkVersion: number, example = false): Promise<string> {
  const row = await db
    .insertInto('city_assessments')
    .values({ country, slug, framework_version: frameworkVersion, state: 'draft', example })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** The answers of an assessment, by question code. */
export async function answersOf(db: Database, assessmentId: string): Promise<Map<string, AnswerRow>> {
  const rows = await db.selectFrom('city_assessment_answers').selectAll().where('assessment_id', '=', assessmentId).execute();
  return new Map(rows.map((r) => [r.question, r]));
}

/** The answers of several assessments, by assessment id then question code. */
export async function answersOfMany(db: Database, ids: string[]): Promise<Map<string, Map<string, AnswerRow>>> {
  const out = new Map<string, Map<string, AnswerRow>>(ids.map((id) => [id, new Map()]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('city_assessment_answers').selectAll().where('assessment_id', 'in', ids).execute();
  for (const r of rows) out.get(String(r.assessment_id))?.set(r.question, r);
  return out;
}

/** Sets an answer (replacing the one there), or removes it when `content` is undefined. */
export async function putAnswer(
  db: Database,
  assessmentId: string,
  question: string,
  content: AnswerContent | undefined,
  userId: number | null,
): Promise<void> {
  if (!content) {
    await db.deleteFrom('city_assessment_answers').where('assessment_id', '=', assessmentId).where('question', '=', question).execute();
    return;
  }
  await db
    .insertInto('city_assessment_answers')
    .values({ assessment_id: assessmentId, question, ...content, updated_by: userId })
    .onConflict((oc) => oc.columns(['assessment_id', 'question']).doUpdateSet({ ...content, updated_by: userId, updated_at: sql<Date>`now()` }))
    .execute();
}

/** Copies every answer of one assessment into another (a new draft starts from the last snapshot). */
export async function copyAnswers(db: Database, fromId: string, toId: string): Promise<void> {
  await sql`
    INSERT INTO city_assessment_answers (assessment_id, question, option, unanswered, evidence_url, note, updated_by, updated_at)
    SELECT ${toId}, question, option, unanswered, evidence_url, note, updated_by, updated_at
      FROM city_assessment_answers WHERE assessment_id = ${fromId}`.execute(db);
}

/** Moves an assessment's version on (every save of a draft does), returning the new one. */
export async function bumpVersion(db: Database, assessmentId: string): Promise<number> {
  const row = await db
    .updateTable('city_assessments')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('id', '=', assessmentId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Turns a draft into a published snapshot, keeping the scores it has. */
export async function markPublished(
  db: Database,
  assessmentId: string,
  userId: number | null,
  visibility: CityAssessmentVisibility,
  scores: unknown,
): Promise<void> {
  await db
    .updateTable('city_assessments')
    .set({ state: 'published', visibility, published_at: sql<Date>`now()`, published_by: userId, updated_at: sql<Date>`now()`, scores: JSON.stringify(scores) })
    .where('id', '=', assessmentId)
    .execute();
}

/** The city's published snapshots, newest first; private ones only when `withPrivate`. */
export async function publishedSnapshots(db: Database, country: string, slug: string, withPrivate: boolean): Promise<CityAssessmentRow[]> {
  return db
    .selectFrom('city_assessments')
    .selectAll()
    .where('country', '=', country)
    .where('slug', '=', slug)
    .where('state', '=', 'published')
    .$if(!withPrivate, (qb) => qb.where('visibility', '=', 'public'))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The city's own latest published snapshot (private ones included, the demo's examples not), undefined when none. */
export async function latestSnapshot(db: Database, country: string, slug: string): Promise<CityAssessmentRow | undefined> {
  return db
    .selectFrom('city_assessments')
    .selectAll()
    .where('country', '=', country)
    .where('slug', '=', slug)
    .where('state', '=', 'published')
    .where('example', '=', false)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Keeps one change of an assessment: an answer before and after, or a change of state (question null). */
export async function insertAssessmentRevision(
  db: Database,
  assessmentId: string,
  change: { question: string | null; before: unknown; after: unknown; author: string; authorId: number | null; message: string },
): Promise<void> {
  await db
    .insertInto('city_assessment_revisions')
    .values({
      assessment_id: assessmentId,
      question: change.question,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
      author: change.author,
      author_id: change.authorId,
      message: change.message,
    })
    .execute();
}

/** A published public snapshot by id, undefined when there is none (a draft or a private one is none). */
export async function publicSnapshot(db: Database, id: string): Promise<CityAssessmentRow | undefined> {
  return db
    .selectFrom('city_assessments')
    .selectAll()
    .where('id', '=', id)
    .where('state', '=', 'published')
    .where('visibility', '=', 'public')
    .executeTakeFirst();
}

/** Every city's latest public snapshot, by country and city. */
export async function latestPublicSnapshots(db: Database): Promise<CityAssessmentRow[]> {
  const rows = await sql<CityAssessmentRow>`
    SELECT DISTINCT ON (country, slug) * FROM city_assessments
     WHERE state = 'published' AND visibility = 'public'
     ORDER BY country, slug, published_at DESC, id DESC`.execute(db);
  return rows.rows;
}
