import type { SessionAccount } from '../accounts/accounts-env.ts';
import { isEditor } from '../accounts/access-policy.ts';
import type { SubmissionState } from '../db/schema.ts';
import type { Submission } from '../submissions/submission.repo.ts';

/** Whether a person may read a submission and write in its private conversation: its submitter, or an editor. */
export function canFollow(account: SessionAccount, submission: Pick<Submission, 'submitterId'>): boolean {
  return isEditor(account) || submission.submitterId === account.userId;
}

/** States in which an editor may still take a submission on or hand it back: it is being reviewed. */
export function isAssignable(state: SubmissionState): boolean {
  return state === 'submitted' || state === 'changes_requested';
}
