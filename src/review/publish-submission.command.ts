import { recordPracticeActivity } from '../follows/practice-activity.ts';
import type { ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { conflict } from '../http/errors.ts';
import { upsertPractice } from '../practices/practice.repo.ts';
import { publishResourceSubmission } from '../resources/resource-commands.ts';
import type { Submission } from '../submissions/submission.repo.ts';
import { lockSubmissionState, recordTransition } from '../submissions/submission-transition.repo.ts';
import { checkTransition, mailStateChange } from '../submissions/submission-workflow.ts';
import { newPracticeRecord, translatedRecord } from './published-record.ts';
import { lockPublishing } from './review.repo.ts';

/**
 * Publishes a submission: a practice submission becomes a new public practice (a revision of
 * kind "publish" by the editor), a translation is merged into its practice (kind
 * "translation"). In one transaction it takes the publishing lock, locks the submission and
 * checks it is still in the state the editor saw, writes the practice (the database moves the
 * catalogue version on with it) and records the change of state (state, thread, audit); then
 * it mails the submitter. Refusals are thrown, nothing written: 403 for a non-editor, 409 for a
 * submission no longer in review, 400 with one field per problem when the draft is not a valid
 * record or the translated practice is gone (see publishProblems).
 * @example const { practiceId } = await publishSubmission(deps, { submission, actor: account, ip });
 */
export async function publishSubmission(
  deps: ContributionDeps,
  p: { submission: Submission; actor: SessionAccount; ip?: string | null },
): Promise<{ practiceId?: string; resourceSlug?: string }> {
  const s = p.submission;
  // A resource of the library is published into the library, through the same workflow.
  if (s.kind === 'resource') return { resourceSlug: (await publishResourceSubmission(deps, p)).slug };
  checkTransition(p.actor, 'editor', s, 'published');
  const practiceId = await deps.db.transaction().execute(async (trx) => {
    await lockPublishing(trx);
    if ((await lockSubmissionState(trx, s.id)) !== s.state) throw conflict('this submission changed in the meantime; reload it to see its state');
    const translation = s.kind === 'translation';
    const record = translation ? await translatedRecord(trx, s) : await newPracticeRecord(trx, s);
    const message = translation
      ? `Translation into ${s.translationLanguage} from submission #${s.id}`
      : `Published from submission #${s.id} by ${s.submitterName}`;
    // The submitter is credited with the revision, and the licence they agreed to is kept with it.
    await upsertPractice(trx, record, {
      author: p.actor.name,
      authorId: p.actor.userId,
      kind: translation ? 'translation' : 'publish',
      message,
      submitterId: s.submitterId,
      license: s.license && s.licenseAgreedAt ? { id: s.license, agreedAt: s.licenseAgreedAt } : null,
    });
    // Followers of its themes, city, organisations and matching searches hear of it once it is committed.
    await recordPracticeActivity(trx, record, translation ? 'practice_updated' : 'practice_published', p.actor.userId);
    await recordTransition(trx, { submission: s, actorId: p.actor.userId, to: 'published', practiceId: record.id, ip: p.ip });
    return record.id;
  });
  await mailStateChange(deps, s, 'published');
  return { practiceId };
}
