import type { SubmissionState } from '../db/schema.ts';
import { recordActivity } from '../follows/activity.repo.ts';
import type { ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { conflict, forbidden } from '../http/errors.ts';
import { isEditor } from '../security/roles.ts';
import type { Submission } from './submission.repo.ts';
import { stateChangeMail, submissionPath } from './submission-mails.ts';
import { canMove, type WorkflowActor } from './submission-state.ts';
import { recordTransition } from './submission-transition.repo.ts';

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
}

/**
 * Whether `actor`, acting `as` submitter or editor, may move a submission in state `from` to
 * `to`: no database, so a command checks it before it writes anything. Throws 403 for the wrong
 * person, 409 for a move the workflow does not allow from that state.
 * @example checkTransition(account, 'editor', submission, 'published');
 */
export function checkTransition(
  actor: { userId: number; role: SessionAccount['role'] },
  as: WorkflowActor,
  submission: Pick<Submission, 'submitterId' | 'state'>,
  to: SubmissionState,
): void {
  if (as === 'submitter' && actor.userId !== submission.submitterId) throw forbidden();
  if (as === 'editor' && !isEditor(actor)) throw forbidden();
  if (!canMove(as, submission.state, to)) throw conflict(`a submission that is ${submission.state} cannot become ${to}`);
}

/**
 * Mails the submitter that their submission changed state; a mail that cannot be sent is
 * logged and does not undo the change, which the submitter also sees under "My submissions".
 * @example await mailStateChange(deps, submission, 'rejected', reason);
 */
export async function mailStateChange(deps: ContributionDeps, submission: Submission, to: SubmissionState, message?: string | null): Promise<void> {
  try {
    await deps.mailer.send(
      stateChangeMail({
        to: submission.submitterEmail,
        name: submission.submitterName,
        locale: submission.submitterLocale,
        publicUrl: deps.config.publicUrl,
        id: submission.id,
        title: submission.title,
        state: to,
        message,
      }),
    );
  } catch (error) {
    deps.log.error('state-change mail not sent', { submission: submission.id, state: to, error: String(error) });
  }
}

/**
 * Moves a submission to a new state that writes nothing else (send to review, withdraw, ask for
 * changes, reject): checks the move, records it (state, thread event, audit entry) in one
 * transaction, then mails the submitter. Publishing writes a practice too and is its own
 * command (review/publish-submission.command.ts).
 * @example await transitionSubmission(deps, { submission, actor, as: 'editor', to: 'rejected', message: reason });
 */
export async function transitionSubmission(deps: ContributionDeps, t: Transition): Promise<void> {
  checkTransition(t.actor, t.as, t.submission, t.to);
  await deps.db.transaction().execute(async (trx) => {
    await recordTransition(trx, { submission: t.submission, actorId: t.actor.userId, to: t.to, message: t.message, ip: t.ip });
    // Sent (or sent again after changes): the editors hear of it, each as they chose (at once by default).
    if (t.to === 'submitted')
      await recordActivity(trx, {
        kind: 'submission_received',
        title: t.submission.title || `#${t.submission.id}`,
        path: submissionPath(t.submission.id),
        actorId: t.actor.userId,
      });
  });
  await mailStateChange(deps, t.submission, t.to, t.message);
}
