import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { planBalanced } from './balanced-assignment.ts';
import { callReviewPolicy } from './call-review.policy.ts';
import { addToPool, assignmentState, findActiveUserByEmail, findReviewedCall, insertAssignments, listPool } from './call-review.repo.ts';

type ActorIp = NonNullable<Actor> & { ip: string | null };

/** The field error for an email that names no active account. */
const unknownEmail = () => badRequest('no active account has this email', [{ path: 'email', message: 'call_review.assign.email.unknown' }]);

async function callFor(db: Database, slug: string, actor: ActorIp) {
  authorize(actor, callReviewPolicy.coordinate);
  const call = await findReviewedCall(db, slug);
  if (!call) throw notFound(`no call "${slug}"`);
  return call;
}

/**
 * A coordinator adds a signed-up person (by email) to the call's pool of reviewers.
 * @example await addPoolReviewer(db, 'host-a-dialogue-cafe', 'ana@example.org', actor);
 */
export async function addPoolReviewer(db: Database, slug: string, email: string, actor: ActorIp): Promise<void> {
  const call = await callFor(db, slug, actor);
  const user = await findActiveUserByEmail(db, email);
  if (!user) throw unknownEmail();
  await db.transaction().execute(async (trx) => {
    await addToPool(trx, call.id, user.id, actor.userId);
    await recordAudit(trx, { action: 'review_pool_add', actorUserId: actor.userId, target: call.slug, ip: actor.ip, details: { reviewer: user.id } });
  });
}

/**
 * A coordinator gives one application to a person chosen by email (added to the pool too); never
 * to its applicant or a co-editor, nor to someone who declared a conflict on it.
 * @example await assignByHand(db, 'host-a-dialogue-cafe', 12, 'ana@example.org', actor);
 */
export async function assignByHand(db: Database, slug: string, applicationId: number, email: string, actor: ActorIp): Promise<void> {
  const call = await callFor(db, slug, actor);
  const user = await findActiveUserByEmail(db, email);
  if (!user) throw unknownEmail();
  await db.transaction().execute(async (trx) => {
    const state = (await assignmentState(trx, call.id)).find((a) => a.id === applicationId);
    if (!state) throw notFound('no such submitted application in this call');
    if (state.applicantSide.includes(user.id))
      throw badRequest('the applicant side cannot review', [{ path: 'email', message: 'call_review.assign.email.applicant' }]);
    const existing = state.assignments.find((a) => a.reviewerId === user.id);
    if (existing?.conflict) throw conflict('this reviewer declared a conflict of interest on this application');
    if (existing) throw conflict('this reviewer is already assigned');
    await addToPool(trx, call.id, user.id, actor.userId);
    await insertAssignments(trx, call.id, [{ applicationId, reviewerId: user.id }], actor.userId);
    await recordAudit(trx, { action: 'review_assign', actorUserId: actor.userId, target: String(applicationId), ip: actor.ip, details: { reviewer: user.id } });
  });
}

/**
 * Brings every submitted application of a call up to its number of reviewers from the pool,
 * loads as equal as possible (see planBalanced); returns how many assignments were made.
 * @example const made = await assignBalanced(db, 'host-a-dialogue-cafe', actor);
 */
export async function assignBalanced(db: Database, slug: string, actor: ActorIp): Promise<number> {
  const call = await callFor(db, slug, actor);
  return db.transaction().execute(async (trx) => {
    const plan = await planFor(trx, call.id, call.reviewersPerApplication);
    await insertAssignments(trx, call.id, plan, actor.userId);
    await recordAudit(trx, {
      action: 'review_assign_balanced',
      actorUserId: actor.userId,
      target: call.slug,
      ip: actor.ip,
      details: { assignments: plan.length },
    });
    return plan.length;
  });
}

/**
 * The assignments that would complete a call (or, with `onlyApplication`, one application) from
 * its pool, with the loads of every reviewer in the call counted.
 */
export async function planFor(db: Parameters<typeof assignmentState>[0], callId: number, perApplication: number, onlyApplication?: number) {
  const [state, pool] = await Promise.all([assignmentState(db, callId), listPool(db, callId)]);
  const loads = new Map<number, number>();
  for (const a of state) for (const x of a.assignments) if (!x.conflict) loads.set(x.reviewerId, (loads.get(x.reviewerId) ?? 0) + 1);
  const applications = state
    .filter((a) => onlyApplication === undefined || a.id === onlyApplication)
    .map((a) => ({
      id: a.id,
      assigned: a.assignments.filter((x) => !x.conflict).map((x) => x.reviewerId),
      excluded: new Set([...a.applicantSide, ...a.assignments.map((x) => x.reviewerId)]),
    }));
  return planBalanced(
    applications,
    pool.map((p) => p.id),
    loads,
    perApplication,
  );
}
