import type { Database } from '../db/database.ts';
import { forbidden, notFound } from '../http/errors.ts';
import {
  findApplicationForReview,
  findCallOfApplication,
  findReviewedCall,
  isApplicantSide,
  listOverview,
  listPool,
  listReviews,
  type OverviewApplication,
  type ReviewedCall,
} from './call-review.repo.ts';
import { canReviewerSee } from './review-access.ts';
import { type ApplicationAggregate, aggregate, neededScore, type ReviewScores, rank } from './rubric-scoring.ts';

/** An application on the overview: its reviewers, aggregate and rank. */
export type RankedApplication = OverviewApplication & ApplicationAggregate & { rank: number };

/** What the coordinator's overview shows. */
export interface OverviewData {
  call: ReviewedCall;
  applications: RankedApplication[];
  pool: { id: number; name: string; email: string }[];
}

/**
 * The coordinator's overview of a call: every submitted application with its reviewers and
 * progress, its aggregate of the submitted reviews and its rank (best first).
 */
export async function loadOverview(db: Database, slug: string): Promise<OverviewData> {
  const call = await findReviewedCall(db, slug);
  if (!call) throw notFound(`no call "${slug}"`);
  const [rows, pool] = await Promise.all([listOverview(db, call.id), listPool(db, call.id)]);
  const applications = rank(
    rows.map((a) => ({
      ...a,
      ...aggregate(
        call.rubric,
        a.id,
        a.reviewers.flatMap((r) => (r.state === 'submitted' && r.scores ? [r.scores] : [])),
      ),
    })),
  );
  return { call, applications, pool };
}

/**
 * The coordinator's page of one application: its place in the ranking, and its reviewers with
 * their comments.
 */
export async function loadApplicationReview(
  db: Database,
  slug: string,
  applicationId: number,
): Promise<{ call: ReviewedCall; application: RankedApplication }> {
  const { call, applications } = await loadOverview(db, slug);
  const application = applications.find((a) => a.id === applicationId);
  if (!application) throw notFound('no such submitted application in this call');
  const [withComments] = await listOverview(db, call.id, { only: applicationId, comments: true });
  return { call, application: { ...application, reviewers: withComments?.reviewers ?? application.reviewers } };
}

/** What a reviewer's page of one application shows. */
export interface ReviewPageData {
  call: ReviewedCall;
  application: NonNullable<Awaited<ReturnType<typeof findApplicationForReview>>>;
  conflict: boolean | null;
  own: { scores: ReviewScores; state: 'draft' | 'submitted' } | null;
  /** Other reviewers' submitted scores, anonymised: only once the reader submitted their own. */
  others: ReviewScores[];
}

/**
 * A reviewer's page of an application: 403 unless they may see it (assigned, no declared
 * conflict), the same answer for a conflicted reviewer as for anyone else.
 */
export async function loadReviewPage(db: Database, applicationId: number, reviewerId: number): Promise<ReviewPageData> {
  if (!(await canReviewerSee(db, reviewerId, applicationId))) throw forbidden('you do not review this application');
  const [call, application, reviews] = await Promise.all([
    findCallOfApplication(db, applicationId),
    findApplicationForReview(db, applicationId),
    listReviews(db, applicationId),
  ]);
  if (!call || !application || call.applicationState !== 'submitted') throw notFound('no such review');
  const mine = reviews.find((r) => r.reviewerId === reviewerId);
  const assignment = await db
    .selectFrom('review_assignments')
    .select('conflict')
    .where('application_id', '=', applicationId)
    .where('reviewer_id', '=', reviewerId)
    .executeTakeFirstOrThrow();
  const submitted = mine?.state === 'submitted';
  return {
    call,
    application,
    conflict: assignment.conflict,
    own: mine ? { scores: mine.scores, state: mine.state } : null,
    others: submitted ? reviews.filter((r) => r.reviewerId !== reviewerId && r.state === 'submitted' && !r.conflict).map((r) => r.scores) : [],
  };
}

/** What an applicant's feedback page shows: their decision, their scores, the anonymised comments and the score needed. */
export interface FeedbackData {
  call: ReviewedCall;
  application: { id: number; name: string; decision: string | null; message: string | null };
  aggregate: ApplicationAggregate;
  /** Each submitted review's comments, "Reviewer 1…n" by order of assignment. */
  comments: { reviewer: number; byCriterion: { key: string; score: number | null; comment: string }[] }[];
  needed: number | null;
}

/**
 * The feedback page of an application, for its applicant and co-editors only, once the call's
 * decisions are released (404 before, 403 for anyone else). It reads the other applications'
 * scores only to compute the score needed, and shows nothing else of them.
 */
export async function loadFeedback(db: Database, slug: string, applicationId: number, userId: number): Promise<FeedbackData> {
  const call = await findReviewedCall(db, slug);
  const ofCall = await findCallOfApplication(db, applicationId);
  if (!call || !ofCall || ofCall.id !== call.id || ofCall.applicationState !== 'submitted') throw notFound('no such application');
  if (!(await isApplicantSide(db, applicationId, userId))) throw forbidden('only the applicant may read this feedback');
  if (!call.decisionsReleasedAt) throw notFound('the decisions are not released yet');
  const overview = await listOverview(db, call.id);
  const scored = overview.map((a) => ({
    ...a,
    ...aggregate(
      call.rubric,
      a.id,
      a.reviewers.flatMap((r) => (r.state === 'submitted' && r.scores ? [r.scores] : [])),
    ),
  }));
  const own = scored.find((a) => a.id === applicationId);
  const [withComments] = await listOverview(db, call.id, { only: applicationId, comments: true });
  if (!own || !withComments) throw notFound('no such application');
  const submitted = withComments.reviewers.filter((r) => r.state === 'submitted' && r.scores && r.conflict !== true);
  return {
    call,
    application: { id: own.id, name: own.name, decision: own.decision, message: own.decisionMessage },
    aggregate: own,
    comments: submitted.map((r, i) => ({
      reviewer: i + 1,
      byCriterion: call.rubric.map((c) => ({ key: c.key, score: r.scores?.[c.key]?.score ?? null, comment: r.scores?.[c.key]?.comment ?? '' })),
    })),
    needed: neededScore(scored),
  };
}
