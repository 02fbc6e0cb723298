import { isEditor } from '../accounts/access-policy.ts';
import type { SessionAccount } from '../accounts/accounts-env.ts';
import { type AuditAction, recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { SubmissionState } from '../db/schema.ts';
import type { ContributionDeps } from '../http/app-env.ts';
import { conflict, forbidden } from '../http/errors.ts';
import { stateChangeMail } from './submission-mails.ts';
import { addSubmissionEvent } from './submission-events.repo.ts';
import { canMove, type WorkflowActor } from './submission-state.ts';
import { setSubmissionState, type Submission } from './submission.repo.ts';

/** The audit action of each state a submission can move into (withdrawing is not audited). */
const auditActionOf: Partial<Record<SubmissionState, AuditAction>> = {
  submitted: 'submit',
  changes_requested: 'request_changes',
  published: 'publish',
  rejected: 'reject',
};

/** A change of state asked for by a person. */
export interface Transition {
  submission: Submission;
  actor: SessionAccount;
  /** In which capacity: as the submitter, or as an editor. */
  as: WorkflowActor;
  to: SubmissionState;
  /** Shown to the submitter: the changes asked for, or why it was rejected. */
  message?: string | null;
  ip?: string | null;
  /** More writes of the same transaction (publishing writes the practice); may name the practice. */
  apply?: (trx: Database) => Promise<{ practiceId?: string } | void>;
}

/**
 * Moves a submission to a new state, all or nothing: the state, the event in its thread, the
 * audit entry and whatever `apply` writes commit together. Then mails the submitter; a mail
 * that cannot be sent is logged and does not undo the change, which the submitter also sees
 * under "My submissions".
 * @example await transitionSubmission(deps, { submission, actor, as: 'editor', to: 'rejected', message: reason });
 */
export async function transitionSubmission(deps: ContributionDeps, t: Transition): Promise<void> {
  const { submission, actor } = t;
  if (t.as === 'submitter' && actor.userId !== submission.submitterId) throw forbidden();
  if (t.as === 'editor' && !isEditor(actor)) throw forbidden();
  if (!canMove(t.as, submission.state, t.to)) throw conflict(`a submission that is ${submission.state} cannot become ${t.to}`);

  await deps.db.transaction().execute(async (trx) => {
    const applied = (await t.apply?.(trx)) ?? {};
    const moved = await setSubmissionState(trx, submission.id, submission.state, {
      state: t.to,
      ...(t.to === 'changes_requested' || t.to === 'rejected' ? { decisionMessage: t.message ?? null } : {}),
      ...(applied.practiceId ? { practiceId: applied.practiceId } : {}),
    });
    // Another editor (or another tab) acted first: roll back whatever apply wrote.
    if (!moved) throw conflict('this submission changed in the meantime; reload it to see its state');
    await addSubmissionEvent(trx, { submissionId: submission.id, authorId: actor.userId, kind: 'state', state: t.to, body: t.message ?? '' });
    const action = auditActionOf[t.to];
    if (action) {
      await recordAudit(trx, {
        action,
        actorUserId: actor.userId,
        target: applied.practiceId ?? submission.practiceId ?? `submission:${submission.id}`,
        ip: t.ip ?? null,
        details: { submission: submission.id, kind: submission.kind, title: submission.title },
      });
    }
  });

  try {
    await deps.mailer.send(
      stateChangeMail({
        to: submission.submitterEmail,
        name: submission.submitterName,
        locale: submission.submitterLocale,
        publicUrl: deps.config.publicUrl,
        id: submission.id,
        title: submission.title,
        state: t.to,
        message: t.message,
      }),
    );
  } catch (error) {
    deps.log.error('state-change mail not sent', { submission: submission.id, state: t.to, error: String(error) });
  }
}
