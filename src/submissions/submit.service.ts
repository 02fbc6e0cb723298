import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../db/database.ts';
import type { SubmissionKind } from '../db/schema.ts';
import type { ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { translator } from '../i18n/i18n.ts';
import { checkComplete } from '../practice-form/practice-form.convert.ts';
import { type FormErrors, formSteps, type PracticeFormValues } from '../practice-form/practice-form.fields.ts';
import { type AdaptAnswers, applyStep, type DraftData, pendingErrors, recordOf } from './draft-data.ts';
import { createSubmission, findSubmission, type Submission, saveDraft } from './submission.repo.ts';
import { transitionSubmission } from './submission-workflow.ts';
import { submissionId } from './submit.schema.ts';

/**
 * The signed-in person's own submission (of a kind, when given). Someone else's is forbidden
 * (403, as for every refusal of the authorisation matrix); an unknown or malformed id is not found.
 * @example const s = await ownSubmission(db, account, c.req.param('id'), 'practice');
 */
export async function ownSubmission(db: Database, account: SessionAccount, id: string, kind?: SubmissionKind): Promise<Submission> {
  const parsed = submissionId.safeParse(id);
  const s = parsed.success ? await findSubmission(db, parsed.data) : undefined;
  if (!s || (kind && s.kind !== kind)) throw notFound();
  if (s.submitterId !== account.userId) throw forbidden();
  return s;
}

/** What a posted step did: the draft as it now stands, the step's problems, and whether it was stored. */
export interface StepOutcome {
  submission: Submission;
  data: DraftData;
  errors: FormErrors;
  /** False when the draft changed since the form was loaded (another tab): nothing was stored. */
  saved: boolean;
}

/** The step to resume at after a save: the next one once a step is complete. */
const resumeStep = (n: number, forward: boolean) => (forward ? Math.min(n + 1, formSteps.length) : n);

/**
 * Starts a practice submission from its first posted step. The form's one-time request key makes
 * a double click (or a reload of the POST) return the first submission instead of a second one.
 * @example const { submission, errors } = await startSubmission(db, { account, requestKey, adaptedFromId, values, forward: true });
 */
export async function startSubmission(
  db: Database,
  p: { account: SessionAccount; requestKey: string; adaptedFromId: string | null; values: PracticeFormValues; forward: boolean },
): Promise<StepOutcome> {
  const { data, errors } = applyStep({}, 'basics', p.values, p.adaptedFromId !== null);
  const clean = !Object.keys(errors).length;
  const submission = await createSubmission(db, {
    kind: 'practice',
    submitterId: p.account.userId,
    adaptedFromId: p.adaptedFromId,
    data,
    step: resumeStep(1, p.forward && clean),
    requestKey: p.requestKey,
  });
  // A key is random and never shown to anyone else; a match with someone else's is refused all the same.
  if (submission.submitterId !== p.account.userId) throw notFound();
  return { submission, data: submission.data as DraftData, errors, saved: true };
}

/**
 * Saves one posted step of a draft: valid fields into the record, typed values of a step with
 * problems aside (see DraftData), only if the draft is still at `version`.
 * @example const outcome = await saveStep(db, submission, 2, values, form.version, true);
 */
export async function saveStep(
  db: Database,
  submission: Submission,
  n: number,
  values: PracticeFormValues,
  version: number,
  forward: boolean,
): Promise<StepOutcome> {
  const step = formSteps[n - 1];
  const adapting = submission.adaptedFromId !== null;
  const { data, errors } = applyStep(submission.data as DraftData, step, values, adapting);
  const clean = !Object.keys(errors).length;
  const saved = await saveDraft(db, submission.id, { data, step: resumeStep(n, forward && clean) }, version);
  const now = (await findSubmission(db, submission.id)) as Submission;
  // A double click sends the same step twice from one page: the second finds its own save, not a conflict.
  const repeated = !saved && isDeepStrictEqual(applyStep(now.data as DraftData, step, values, adapting).data, now.data);
  return { submission: now, data, errors, saved: saved || repeated };
}

/**
 * What stops a draft from going to review: missing or invalid fields, typed values still to be
 * corrected, and for an adaptation the answer to "what did you change".
 * @example const problems = sendProblems(submission); if (Object.keys(problems).length) …
 */
export function sendProblems(submission: Submission): FormErrors {
  const data = submission.data as DraftData;
  const complete = checkComplete(recordOf(data));
  const problems: FormErrors = { ...pendingErrors(data), ...(complete.ok ? {} : complete.errors) };
  if (submission.adaptedFromId && !data._adapt?.changed.trim() && !problems.adapt_changed) problems.adapt_changed = 'submissions.adapt.error.changed_required';
  return problems;
}

/**
 * The `changes` of an adaptation link, composed from the three answers with short headings in
 * the language of the submission (the interface's default when it is not one of ours).
 * @example adaptationChanges({ kept, changed, why }, 'fr') // 'Ce que nous avons gardé : …'
 */
export function adaptationChanges(answers: AdaptAnswers, language: string | undefined): string {
  const { t } = translator(language ?? '');
  const parts: [string, string][] = [
    ['submissions.adapt.heading.kept', answers.kept],
    ['submissions.adapt.heading.changed', answers.changed],
    ['submissions.adapt.heading.why', answers.why],
  ];
  return parts
    .filter(([, text]) => text.trim())
    .map(([key, text]) => `${t(key)}\n${text.trim()}`)
    .join('\n\n');
}

/** Why sending did not happen: problems to fix first, or the draft changed since the page was loaded. */
export type SendRefusal = { problems: FormErrors } | { conflict: true };

/**
 * Sends a complete draft (or one sent back for changes) to review: the adaptation link goes into
 * the record, the typed leftovers go, then the workflow moves it (state, thread, audit, mail).
 * @example const refused = await sendToReview(deps, account, submission, { version, license: 'CC-BY-4.0' }, ip);
 */
export async function sendToReview(
  deps: ContributionDeps,
  account: SessionAccount,
  submission: Submission,
  send: { version: number; license: string },
  ip: string | null,
): Promise<SendRefusal | undefined> {
  const { version, license } = send;
  const problems = sendProblems(submission);
  if (Object.keys(problems).length) return { problems };
  const { _raw: _leftovers, ...data } = submission.data as DraftData;
  if (submission.adaptedFromId) {
    data.adapted_from = [{ id: submission.adaptedFromId, changes: adaptationChanges(data._adapt as AdaptAnswers, data.language) }];
  }
  // The consent is kept with the draft it was given for: a later resubmission asks for it again.
  if (!(await saveDraft(deps.db, submission.id, { data, step: submission.step, license }, version))) return { conflict: true };
  const now = (await findSubmission(deps.db, submission.id)) as Submission;
  await transitionSubmission(deps, { submission: now, actor: account, as: 'submitter', to: 'submitted', ip });
  return undefined;
}

/**
 * Withdraws a submission for good (from draft, changes requested or in review).
 * @example await withdrawSubmission(deps, account, submission, ip);
 */
export async function withdrawSubmission(deps: ContributionDeps, account: SessionAccount, submission: Submission, ip: string | null): Promise<void> {
  await transitionSubmission(deps, { submission, actor: account, as: 'submitter', to: 'withdrawn', ip });
}
