import { type AuditAction, recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { SubmissionState } from '../db/schema.ts';
import { conflict } from '../http/errors.ts';
import { type Submission, setSubmissionState } from './submission.repo.ts';
import { addSubmissionEvent } from './submission-events.repo.ts';

/** The audit action of each state a submission can move into (withdrawing is not audited). */
const auditActionOf: Partial<Record<SubmissionState, AuditAction>> = {
  submitted: 'submit',
  changes_requested: 'request_changes',
  published: 'publish',
  rejected: 'reject',
};

/** A change of state to record: who made it, the message shown to the submitter, the practice published. */
export interface RecordedTransition {
  submission: Submission;
  actorId: number;
  to: SubmissionState;
  /** The changes asked for, or why it was rejected. */
  message?: string | null;
  /** The practice a publication wrote. */
  practiceId?: string;
  ip?: string | null;
}

/**
 * The current state of a submission, its row locked until the transaction ends, so a command
 * can check the state and write what depends on it without another editor acting in between.
 * @example const state = await lockSubmissionState(trx, submission.id);
 */
export async function lockSubmissionState(trx: Database, id: number): Promise<SubmissionState | undefined> {
  const row = await trx.selectFrom('submissions').select('state').where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.state;
}

/**
 * Records a change of state in the caller's transaction: the new state (only if the submission
 * is still in the state the caller saw, else a 409 that rolls the transaction back), the event
 * in its thread and the audit entry. The one place these three are written together.
 * @example await recordTransition(trx, { submission, actorId: editor.userId, to: 'rejected', message: reason, ip });
 */
export async function recordTransition(trx: Database, t: RecordedTransition): Promise<void> {
  const { submission } = t;
  const moved = await setSubmissionState(trx, submission.id, submission.state, {
    state: t.to,
    ...(t.to === 'changes_requested' || t.to === 'rejected' ? { decisionMessage: t.message ?? null } : {}),
    ...(t.practiceId ? { practiceId: t.practiceId } : {}),
  });
  // Another editor (or another tab) acted first.
  if (!moved) throw conflict('this submission changed in the meantime; reload it to see its state');
  // Sent back: the draft as the editor saw it is kept, so the resubmission can be compared with it.
  const data = t.to === 'changes_requested' ? submission.data : undefined;
  await addSubmissionEvent(trx, { submissionId: submission.id, authorId: t.actorId, kind: 'state', state: t.to, body: t.message ?? '', data });
  const action = auditActionOf[t.to];
  if (action) {
    await recordAudit(trx, {
      action,
      actorUserId: t.actorId,
      target: t.practiceId ?? submission.practiceId ?? `submission:${submission.id}`,
      ip: t.ip ?? null,
      details: { submission: submission.id, kind: submission.kind, title: submission.title },
    });
  }
}
