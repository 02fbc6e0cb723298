import { findUserById } from '../accounts/user.repo.ts';
import type { Database } from '../db/database.ts';
import type { ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { conflict } from '../http/errors.ts';
import type { Mail } from '../mail/mailer.ts';
import { findPublishedPractice } from '../practices/practice.repo.ts';
import type { PracticeRecord } from '../practices/practice.schema.ts';
import { resourceOfSubmission } from '../resources/resource.repo.ts';
import { type ResourceFileInfo, submissionFileInfo } from '../resources/resource-file.repo.ts';
import { can } from '../security/authorize.ts';
import { assignSubmission, type Submission } from '../submissions/submission.repo.ts';
import { addSubmissionEvent, lastSentBack, listSubmissionEvents, type SubmissionEvent } from '../submissions/submission-events.repo.ts';
import { transitionSubmission } from '../submissions/submission-workflow.ts';
import { isAssignable, reviewPolicy } from './review.policy.ts';
import { commentMail } from './review-mails.ts';

/** A practice a submission refers to (the one it adapts, or the one it translates), when it is published. */
export interface RelatedPractice {
  id: string;
  record: PracticeRecord;
}

/** Everything the submission page shows. */
export interface SubmissionView {
  submission: Submission;
  events: SubmissionEvent[];
  /** The submitter's organisation, for editors only. */
  submitterOrganization: string | null;
  /** The practice an adaptation adapts, or a translation translates; undefined when it is not (or no longer) published. */
  related?: RelatedPractice;
  /** A resource submission's PDF, and the resource it was published as. */
  resourceFile?: ResourceFileInfo;
  resourceSlug?: string;
  /** For editors, on a resubmission: the draft as it was last sent back for changes, and when. */
  sentBack?: { data: Record<string, unknown>; at: Date };
}

/**
 * Reads what the submission page shows to `viewer`: the thread, and the practice the
 * submission adapts or translates. The submitter's organisation is shown to editors only.
 * @example const view = await loadSubmissionView(db, submission, account);
 */
export async function loadSubmissionView(db: Database, submission: Submission, viewer: SessionAccount): Promise<SubmissionView> {
  const relatedId = submission.kind === 'translation' ? submission.practiceId : submission.adaptedFromId;
  const resource = submission.kind === 'resource';
  const [events, practice, resourceFile, published] = await Promise.all([
    listSubmissionEvents(db, submission.id),
    relatedId ? findPublishedPractice(db, relatedId) : undefined,
    resource ? submissionFileInfo(db, submission.id) : undefined,
    resource && submission.state === 'published' ? resourceOfSubmission(db, submission.id) : undefined,
  ]);
  // An editor reviewing a resubmission compares it with what they sent back.
  const sentBack = submission.state === 'submitted' && can(viewer, reviewPolicy.review) ? await lastSentBack(db, submission.id) : undefined;
  return {
    resourceFile,
    resourceSlug: published?.slug,
    submission,
    events,
    submitterOrganization: can(viewer, reviewPolicy.seeSubmitterOrganization) ? submission.submitterOrganization : null,
    related: practice ? { id: practice.id, record: practice.record } : undefined,
    sentBack,
  };
}

/** Sends a mail, logging instead of failing: the message is saved and shown on the page either way. */
async function sendQuietly(deps: ContributionDeps, mail: Mail, submissionId: number) {
  try {
    await deps.mailer.send(mail);
  } catch (error) {
    deps.log.error('comment mail not sent', { submission: submissionId, error: String(error) });
  }
}

/**
 * Adds a message to a submission's private conversation and tells the other side by mail: an
 * editor's message goes to the submitter, the submitter's to the editor in charge (if any).
 * @example await addComment(deps, submission, account, 'Could you add the budget?');
 */
export async function addComment(deps: ContributionDeps, submission: Submission, author: SessionAccount, body: string): Promise<void> {
  await addSubmissionEvent(deps.db, { submissionId: submission.id, authorId: author.userId, kind: 'comment', body });
  const fromSubmitter = author.userId === submission.submitterId;
  const readerId = fromSubmitter ? submission.assigneeId : submission.submitterId;
  if (!readerId || readerId === author.userId) return;
  const reader = await findUserById(deps.db, readerId);
  if (!reader) return;
  const mail = commentMail({
    to: reader.email,
    name: reader.name,
    locale: reader.locale,
    publicUrl: deps.config.publicUrl,
    id: submission.id,
    title: submission.title,
    author: author.name,
    body,
  });
  await sendQuietly(deps, mail, submission.id);
}

/**
 * Assigns a submission under review to the editor, or unassigns it. `expected` is the assignee
 * the editor saw: when another editor changed it since, nothing is written (409).
 * @example await assignEditor(deps.db, submission, account, 'me', null);
 */
export async function assignEditor(db: Database, submission: Submission, editor: SessionAccount, to: 'me' | 'none', expected: number | null): Promise<void> {
  if (!isAssignable(submission.state)) throw conflict(`a submission that is ${submission.state} is no longer assigned`);
  // One conditional update: of two editors clicking at once, exactly one wins.
  const assigned = await assignSubmission(db, submission.id, to === 'me' ? editor.userId : null, expected);
  if (!assigned) throw conflict('someone else changed who is in charge of this submission');
}

/**
 * Sends a submission back to its submitter with the changes asked for, or rejects it with a
 * reason; the submitter is mailed either way. A state that no longer allows it is a conflict (409).
 * @example await decide(deps, { submission, actor: account, to: 'rejected', message: reason, ip });
 */
export async function decide(
  deps: ContributionDeps,
  d: { submission: Submission; actor: SessionAccount; to: 'changes_requested' | 'rejected'; message: string; ip?: string | null },
): Promise<void> {
  await transitionSubmission(deps, { submission: d.submission, actor: d.actor, as: 'editor', to: d.to, message: d.message, ip: d.ip });
}
