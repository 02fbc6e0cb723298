import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db/database.ts';
import type { ApplicationDecision, DB } from '../db/schema.ts';
import type { ReviewScores, Rubric } from './rubric-scoring.ts';

type Db = Database | Transaction<DB>;

/** A call as the review sees it. */
export interface ReviewedCall {
  id: number;
  slug: string;
  title: string;
  rubric: Rubric;
  reviewersPerApplication: number;
  closesAt: Date;
  decisionsReleasedAt: Date | null;
}

/** A call by its slug, or undefined. */
export async function findReviewedCall(db: Db, slug: string): Promise<ReviewedCall | undefined> {
  const row = await db
    .selectFrom('calls')
    .select(['id', 'slug', 'title', 'rubric', 'reviewers_per_application', 'closes_at', 'decisions_released_at'])
    .where('slug', '=', slug)
    .where('state', '=', 'published')
    .executeTakeFirst();
  return row && toCall(row);
}

/** The call of an application, with the application's state, or undefined. */
export async function findCallOfApplication(db: Db, applicationId: number): Promise<(ReviewedCall & { applicationState: string }) | undefined> {
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select(['c.id', 'c.slug', 'c.title', 'c.rubric', 'c.reviewers_per_application', 'c.closes_at', 'c.decisions_released_at', 'a.state as applicationState'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
  return row && { ...toCall(row), applicationState: row.applicationState };
}

function toCall(row: {
  id: number;
  slug: string;
  title: string;
  rubric: unknown;
  reviewers_per_application: number;
  closes_at: Date;
  decisions_released_at: Date | null;
}): ReviewedCall {
  return {
    id: Number(row.id),
    slug: row.slug,
    title: row.title,
    rubric: (Array.isArray(row.rubric) ? row.rubric : []) as Rubric,
    reviewersPerApplication: row.reviewers_per_application,
    closesAt: row.closes_at,
    decisionsReleasedAt: row.decisions_released_at,
  };
}

/** One reviewer on an application, as the coordinator sees them. */
export interface OverviewReviewer {
  reviewerId: number;
  name: string;
  conflict: boolean | null;
  state: 'draft' | 'submitted' | null;
  scores: ReviewScores | null;
}

/** A submitted application with its reviewers, their progress and their submitted scores. */
export interface OverviewApplication {
  id: number;
  name: string;
  city: string | null;
  country: string | null;
  applicantId: number | null;
  decision: ApplicationDecision | null;
  decisionMessage: string | null;
  reviewers: OverviewReviewer[];
}

/**
 * Every submitted application of a call (or just `only` of them) with its assignments
 * (conflicts included) and each reviewer's review; scores only of submitted reviews, their
 * comments only when asked (the overview of a large call reads thousands of reviews). Two flat
 * statements, joined here: no JSON built per application.
 */
export async function listOverview(db: Db, callId: number, options: { only?: number; comments?: boolean } = {}): Promise<OverviewApplication[]> {
  let apps = db
    .selectFrom('applications as a')
    .select(['a.id', 'a.name', 'a.city', 'a.country', 'a.applicant_id', 'a.decision', 'a.decision_message'])
    .where('a.call_id', '=', callId)
    .where('a.state', '=', 'submitted')
    .orderBy('a.id');
  let reviewers = db
    .selectFrom('review_assignments as ra')
    .innerJoin('applications as a', 'a.id', 'ra.application_id')
    .innerJoin('users as u', 'u.id', 'ra.reviewer_id')
    .leftJoin('reviews as r', (j) => j.onRef('r.application_id', '=', 'ra.application_id').onRef('r.reviewer_id', '=', 'ra.reviewer_id'))
    .select([
      'ra.application_id',
      'ra.reviewer_id',
      'u.name',
      'ra.conflict',
      'r.state',
      options.comments
        ? sql<ReviewScores | null>`CASE WHEN r.state = 'submitted' THEN r.scores END`.as('scores')
        : sql<Record<string, number> | null>`CASE WHEN r.state = 'submitted' THEN r.score_values END`.as('scores'),
    ])
    .where('ra.call_id', '=', callId)
    .where('a.state', '=', 'submitted')
    .orderBy('ra.id');
  if (options.only !== undefined) {
    apps = apps.where('a.id', '=', options.only);
    reviewers = reviewers.where('ra.application_id', '=', options.only);
  }
  const [appRows, reviewerRows] = await Promise.all([apps.execute(), reviewers.execute()]);
  const byApp = new Map<number, OverviewReviewer[]>();
  for (const r of reviewerRows) {
    const id = Number(r.application_id);
    const list = byApp.get(id) ?? [];
    const scores: ReviewScores | null =
      r.scores === null
        ? null
        : options.comments
          ? (r.scores as ReviewScores)
          : Object.fromEntries(Object.entries(r.scores as Record<string, number>).map(([k, score]) => [k, { score, comment: '' }]));
    list.push({ reviewerId: Number(r.reviewer_id), name: r.name, conflict: r.conflict, state: r.state, scores });
    byApp.set(id, list);
  }
  return appRows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    city: r.city,
    country: r.country,
    applicantId: r.applicant_id === null ? null : Number(r.applicant_id),
    decision: r.decision,
    decisionMessage: r.decision_message,
    reviewers: byApp.get(Number(r.id)) ?? [],
  }));
}

/** The call's pool of reviewers, by name. */
export async function listPool(db: Db, callId: number): Promise<{ id: number; name: string; email: string }[]> {
  const rows = await db
    .selectFrom('call_reviewers as cr')
    .innerJoin('users as u', 'u.id', 'cr.user_id')
    .select(['u.id', 'u.name', 'u.email'])
    .where('cr.call_id', '=', callId)
    .where('u.state', '=', 'active')
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** An active account by its email (any case), or undefined. */
export async function findActiveUserByEmail(db: Db, email: string): Promise<{ id: number; name: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('state', '=', 'active')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row && { id: Number(row.id), name: row.name };
}

/** Adds a person to a call's pool (nothing when already in it). */
export async function addToPool(db: Db, callId: number, userId: number, addedBy: number): Promise<void> {
  await db
    .insertInto('call_reviewers')
    .values({ call_id: callId, user_id: userId, added_by: addedBy })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The people who may never review an application: its applicant and co-editors. */
export async function applicantSide(db: Db, applicationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('applications')
    .select('applicant_id as id')
    .where('id', '=', applicationId)
    .where('applicant_id', 'is not', null)
    .unionAll(db.selectFrom('application_editors').select('user_id as id').where('application_id', '=', applicationId))
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Per submitted application of a call: its applicant side and every reviewer ever assigned (with their conflict). */
export async function assignmentState(
  db: Db,
  callId: number,
): Promise<{ id: number; applicantSide: number[]; assignments: { reviewerId: number; conflict: boolean | null }[] }[]> {
  const rows = await db
    .selectFrom('applications as a')
    .select((eb) => [
      'a.id',
      sql<number[]>`array_remove(array_append(ARRAY(SELECT ae.user_id FROM application_editors ae WHERE ae.application_id = a.id), a.applicant_id), NULL)`.as(
        'side',
      ),
      jsonArrayFrom(
        eb.selectFrom('review_assignments as ra').select(['ra.reviewer_id as reviewerId', 'ra.conflict']).whereRef('ra.application_id', '=', 'a.id'),
      ).as('assignments'),
    ])
    .where('a.call_id', '=', callId)
    .where('a.state', '=', 'submitted')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    applicantSide: r.side.map(Number),
    assignments: r.assignments.map((x) => ({ reviewerId: Number(x.reviewerId), conflict: x.conflict })),
  }));
}

/** Inserts assignments (an existing pair is left alone). */
export async function insertAssignments(
  db: Db,
  callId: number,
  pairs: { applicationId: number; reviewerId: number }[],
  assignedBy: number | null,
): Promise<void> {
  if (!pairs.length) return;
  await db
    .insertInto('review_assignments')
    .values(pairs.map((p) => ({ call_id: callId, application_id: p.applicationId, reviewer_id: p.reviewerId, assigned_by: assignedBy })))
    .onConflict((oc) => oc.columns(['application_id', 'reviewer_id']).doNothing())
    .execute();
}

/** One reviewer's assignment to an application, or undefined. */
export async function findAssignment(db: Db, applicationId: number, reviewerId: number) {
  return db
    .selectFrom('review_assignments')
    .select(['id', 'call_id', 'conflict', 'conflict_note'])
    .where('application_id', '=', applicationId)
    .where('reviewer_id', '=', reviewerId)
    .executeTakeFirst();
}

/** Records a reviewer's answer about a conflict of interest. */
export async function setConflict(db: Db, applicationId: number, reviewerId: number, conflict: boolean, note: string | null): Promise<void> {
  await db
    .updateTable('review_assignments')
    .set({ conflict, conflict_note: note, declared_at: new Date() })
    .where('application_id', '=', applicationId)
    .where('reviewer_id', '=', reviewerId)
    .execute();
}

/** A reviewer's current applications (never those they declared a conflict on), with their review's state. */
export async function listReviewerAssignments(db: Db, reviewerId: number) {
  const rows = await db
    .selectFrom('review_assignments as ra')
    .innerJoin('applications as a', 'a.id', 'ra.application_id')
    .innerJoin('calls as c', 'c.id', 'ra.call_id')
    .leftJoin('reviews as r', (j) => j.onRef('r.application_id', '=', 'ra.application_id').onRef('r.reviewer_id', '=', 'ra.reviewer_id'))
    .select(['a.id', 'a.name', 'a.city', 'a.country', 'c.title as callTitle', 'c.slug as callSlug', 'ra.conflict', 'r.state'])
    .where('ra.reviewer_id', '=', reviewerId)
    .where((eb) => eb.or([eb('ra.conflict', 'is', null), eb('ra.conflict', '=', false)]))
    .where('a.state', '=', 'submitted')
    .orderBy('c.closes_at', 'desc')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** What a reviewer reads of an application: its identity, answers and files (names only). */
export async function findApplicationForReview(db: Db, applicationId: number) {
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select((eb) => [
      'a.id',
      'a.name',
      'a.city',
      'a.country',
      'a.applicant_kind',
      'a.answers',
      'c.questions',
      jsonArrayFrom(
        eb
          .selectFrom('application_files as f')
          .select(['f.id', 'f.question', 'f.file_name', 'f.size'])
          .whereRef('f.application_id', '=', 'a.id')
          .orderBy('f.id'),
      ).as('files'),
    ])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const labels = new Map<string, string>();
  for (const q of Array.isArray(row.questions) ? row.questions : [])
    if (q && typeof q.key === 'string') labels.set(q.key, typeof q.label === 'string' ? q.label : q.key);
  const answers = Object.entries((row.answers ?? {}) as Record<string, unknown>).map(([key, value]) => ({
    key,
    label: labels.get(key) ?? key,
    text: Array.isArray(value)
      ? value.join(', ')
      : value === null || value === undefined
        ? ''
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value),
  }));
  return {
    id: Number(row.id),
    name: row.name,
    city: row.city,
    country: row.country,
    kind: row.applicant_kind,
    answers,
    files: row.files.map((f) => ({ ...f, id: Number(f.id) })),
  };
}

/** Every review of an application with its reviewer, in the order of assignment (the order "Reviewer 1, 2…" follows). */
export async function listReviews(db: Db, applicationId: number) {
  const rows = await db
    .selectFrom('reviews as r')
    .innerJoin('review_assignments as ra', (j) => j.onRef('ra.application_id', '=', 'r.application_id').onRef('ra.reviewer_id', '=', 'r.reviewer_id'))
    .select(['r.reviewer_id', 'r.scores', 'r.state', 'ra.conflict'])
    .where('r.application_id', '=', applicationId)
    .orderBy('ra.id')
    .execute();
  return rows.map((r) => ({ reviewerId: Number(r.reviewer_id), scores: (r.scores ?? {}) as ReviewScores, state: r.state, conflict: r.conflict }));
}

/** Saves a reviewer's scores as a draft or submits them (a submitted review no longer changes: the update then touches nothing). */
export async function saveReview(db: Db, callId: number, applicationId: number, reviewerId: number, scores: ReviewScores, submit: boolean): Promise<boolean> {
  const now = new Date();
  const values = JSON.stringify(Object.fromEntries(Object.entries(scores).flatMap(([k, v]) => (v ? [[k, v.score]] : []))));
  const result = await db
    .insertInto('reviews')
    .values({
      call_id: callId,
      application_id: applicationId,
      reviewer_id: reviewerId,
      scores: JSON.stringify(scores),
      score_values: values,
      state: submit ? 'submitted' : 'draft',
      submitted_at: submit ? now : null,
    })
    .onConflict((oc) =>
      oc
        .columns(['application_id', 'reviewer_id'])
        .doUpdateSet({
          scores: JSON.stringify(scores),
          score_values: values,
          state: submit ? 'submitted' : 'draft',
          submitted_at: submit ? now : null,
          updated_at: now,
        })
        .where('reviews.state', '=', 'draft'),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Records the coordinator's decision on an application of a call. */
export async function setDecision(
  db: Db,
  callId: number,
  applicationId: number,
  decision: ApplicationDecision,
  message: string | null,
  by: number,
): Promise<boolean> {
  const r = await db
    .updateTable('applications')
    .set({ decision, decision_message: message, decided_by: by, decided_at: new Date() })
    .where('id', '=', applicationId)
    .where('call_id', '=', callId)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks a call's decisions released, once: false when they already were. */
export async function markReleased(db: Db, callId: number): Promise<boolean> {
  const r = await db
    .updateTable('calls')
    .set({ decisions_released_at: new Date() })
    .where('id', '=', callId)
    .where('decisions_released_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The people to tell of a decision: each submitted application's applicant and co-editors, with their language. */
export async function decisionAddressees(db: Db, callId: number) {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('users as u', (j) =>
      j.on((eb) =>
        eb.or([
          eb('u.id', '=', eb.ref('a.applicant_id')),
          eb('u.id', 'in', eb.selectFrom('application_editors as ae').select('ae.user_id').whereRef('ae.application_id', '=', 'a.id')),
        ]),
      ),
    )
    .select(['a.id as applicationId', 'a.name as applicationName', 'a.decision', 'u.email', 'u.name', 'u.locale'])
    .where('a.call_id', '=', callId)
    .where('a.state', '=', 'submitted')
    .where('u.state', '=', 'active')
    .where('u.deleted_at', 'is', null)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, applicationId: Number(r.applicationId) }));
}

/** Whether a person is an application's applicant or co-editor. */
export async function isApplicantSide(db: Db, applicationId: number, userId: number): Promise<boolean> {
  return (await applicantSide(db, applicationId)).includes(userId);
}
