import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ApplicationDecision, DB } from '../db/schema.ts';
import { insertAssignments, listOverview } from './call-review.repo.ts';
import { aggregate, type ReviewScores, type Rubric, rank } from './rubric-scoring.ts';

/** The demo's call, seeded by the calls area. */
export const demoCallSlug = 'host-a-dialogue-cafe';

/** The two example reviewers: accounts nobody can sign in to (no usable password). */
const demoReviewers = [
  { email: 'example-reviewer-1@example.invalid', name: 'Example reviewer 1' },
  { email: 'example-reviewer-2@example.invalid', name: 'Example reviewer 2' },
];

/** Example comments, by how good the score was. */
const comments: Record<number, string> = {
  1: 'Little is said about this yet; the plan needs concrete steps.',
  2: 'A start, but the commitments are vague.',
  3: 'Reasonable, with some gaps that a mentor could help close.',
  4: 'A convincing plan with named partners.',
  5: 'Outstanding: detailed, realistic and already under way.',
};

const decisionMessages: Record<ApplicationDecision, string> = {
  selected: 'Congratulations: your city will host a Dialogue Café. The network will contact you about the first steps.',
  waiting_list: 'Your application is on the waiting list; we will write to you if a place opens.',
  not_selected: 'Thank you for applying. The reviewers’ comments below may help with next year’s call.',
};

/**
 * Example reviews of the demo call "Host a Dialogue Café in your city": two example reviewers
 * (no password: nobody signs in as them) score every submitted application on every criterion
 * of its rubric, the best third is selected, the next third waits, the rest is not selected,
 * and the decisions are released, so a newcomer sees the overview, the reviews and the feedback.
 * Does nothing when the call is missing or already has reviews; returns the reviews written.
 * @example await seedDemoReviews(db);
 */
export async function seedDemoReviews(db: Database): Promise<number> {
  const call = await db.selectFrom('calls').select(['id', 'rubric']).where('slug', '=', demoCallSlug).executeTakeFirst();
  if (!call) return 0;
  const callId = Number(call.id);
  const rubric = (Array.isArray(call.rubric) ? call.rubric : []) as Rubric;
  const already = await db.selectFrom('reviews').select('call_id').where('call_id', '=', callId).limit(1).executeTakeFirst();
  if (already || rubric.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const reviewerIds = await exampleReviewers(trx);
    const applications = await listOverview(trx, callId);
    await trx
      .insertInto('call_reviewers')
      .values(reviewerIds.map((id) => ({ call_id: callId, user_id: id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await insertAssignments(
      trx,
      callId,
      applications.flatMap((a) => reviewerIds.map((reviewerId) => ({ applicationId: a.id, reviewerId }))),
      null,
    );
    await trx.updateTable('review_assignments').set({ conflict: false, declared_at: new Date() }).where('call_id', '=', callId).execute();
    const scored: { id: number; weightedMean: number | null }[] = [];
    for (const [i, a] of applications.entries()) {
      const reviews = reviewerIds.map((reviewerId, r) => ({ reviewerId, scores: exampleScores(rubric, i, r) }));
      await trx
        .insertInto('reviews')
        .values(reviews.map((r) => reviewRow(callId, a.id, r.reviewerId, r.scores)))
        .execute();
      scored.push({
        id: a.id,
        weightedMean: aggregate(
          rubric,
          a.id,
          reviews.map((r) => r.scores),
        ).weightedMean,
      });
    }
    await decideByRank(trx, scored);
    await trx.updateTable('calls').set({ decisions_released_at: new Date() }).where('id', '=', callId).execute();
    return applications.length * reviewerIds.length;
  });
}

/** The example reviewers' ids, their accounts created (without a usable password) when missing. */
async function exampleReviewers(trx: Transaction<DB>): Promise<number[]> {
  const emails = demoReviewers.map((r) => r.email);
  const present = new Set((await trx.selectFrom('users').select('email').where('email', 'in', emails).execute()).map((u) => u.email));
  const missing = demoReviewers.filter((r) => !present.has(r.email));
  if (missing.length)
    await trx
      .insertInto('users')
      .values(missing.map((r) => ({ ...r, password_hash: '!', email_confirmed_at: null })))
      .execute();
  const rows = await trx.selectFrom('users').select('id').where('email', 'in', emails).orderBy('email').execute();
  return rows.map((r) => Number(r.id));
}

/** Varied but fixed scores for the i-th application by the r-th reviewer, with the comment matching each score. */
function exampleScores(rubric: Rubric, i: number, r: number): ReviewScores {
  const scores: ReviewScores = {};
  for (const [j, c] of rubric.entries()) {
    const score = 1 + ((i * 3 + j * 2 + r + 2) % 5);
    scores[c.key] = { score, comment: comments[score] };
  }
  return scores;
}

/** A submitted review's row. */
function reviewRow(callId: number, applicationId: number, reviewerId: number, scores: ReviewScores) {
  return {
    call_id: callId,
    application_id: applicationId,
    reviewer_id: reviewerId,
    scores: JSON.stringify(scores),
    score_values: JSON.stringify(Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v?.score]))),
    state: 'submitted' as const,
    submitted_at: new Date(),
  };
}

/** The best third selected, the next third on the waiting list, the rest not selected, each with its message. */
async function decideByRank(trx: Transaction<DB>, scored: { id: number; weightedMean: number | null }[]): Promise<void> {
  const ranked = rank(scored);
  const third = Math.max(1, Math.ceil(ranked.length / 3));
  for (const a of ranked) {
    const decision: ApplicationDecision = a.rank <= third ? 'selected' : a.rank <= 2 * third ? 'waiting_list' : 'not_selected';
    await trx
      .updateTable('applications')
      .set({ decision, decision_message: decisionMessages[decision], decided_at: sql`now()` })
      .where('id', '=', a.id)
      .execute();
  }
}
