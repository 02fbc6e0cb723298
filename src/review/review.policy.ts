import type { SubmissionState } from '../db/schema.ts';
import type { Rule } from '../security/authorize.ts';
import { isEditor } from '../security/roles.ts';
import type { Submission } from '../submissions/submission.repo.ts';

/**
 * Who may do what in the review of submissions. Check with `authorize(account, reviewPolicy.x, subject)`
 * (throws the 403) or `can(…)` (a boolean, for showing an action).
 */
export const reviewPolicy = {
  /** Open the queue, take a submission on, request changes, publish or reject: editors. */
  review: (actor) => isEditor(actor),
  /** Read a submission and write in its private conversation: its submitter, or an editor. */
  follow: (actor, submission: Pick<Submission, 'submitterId'>) => isEditor(actor) || (!!actor && submission.submitterId === actor.userId),
  /** See the submitter's organisation on a submission: editors. */
  seeSubmitterOrganization: (actor) => isEditor(actor),
} satisfies Record<string, Rule<never>>;

/** States in which an editor may still take a submission on or hand it back: it is being reviewed. */
export function isAssignable(state: SubmissionState): boolean {
  return state === 'submitted' || state === 'changes_requested';
}
