import type { ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createSubmission, findSubmission, type Submission, saveDraft } from './submission.repo.ts';
import { isEditableBySubmitter } from './submission-state.ts';
import { transitionSubmission } from './submission-workflow.ts';
import type { TranslationForm } from './submit.schema.ts';

/** What a translation submission's `data` holds: the translated texts given, and who made them. */
export interface TranslationData {
  title?: string;
  summary?: string;
  body?: string;
  machine: boolean;
}

/** The texts of a posted translation, without the empty ones. */
export function translationData(form: TranslationForm): TranslationData {
  return {
    ...(form.title ? { title: form.title } : {}),
    ...(form.summary ? { summary: form.summary } : {}),
    ...(form.body.trim() ? { body: form.body } : {}),
    machine: form.machine,
  };
}

/** Sends a translation to review unless it is there already (a repeated POST of the same form). */
async function submitOnce(deps: ContributionDeps, account: SessionAccount, s: Submission, ip: string | null): Promise<void> {
  if (!isEditableBySubmitter(s.state)) return;
  try {
    await transitionSubmission(deps, { submission: s, actor: account, as: 'submitter', to: 'submitted', ip });
  } catch (error) {
    // Two copies of the same POST raced: the other one sent it, which is what was asked.
    const now = await findSubmission(deps.db, s.id);
    if (!(error instanceof AppError && error.code === 'conflict' && now?.state === 'submitted')) throw error;
  }
}

/**
 * Sends a translation of a published practice to review: a new submission (the form's request
 * key makes a double click one submission), or, when `revise` names the person's translation
 * sent back for changes, that one updated and sent again.
 * @returns false when the revised translation changed since the form was loaded.
 * The consent to its licence is kept with it, as for a practice.
 * @example await sendTranslation(deps, account, { practiceId, language: 'fr', form, license: 'CC-BY-4.0', ip });
 */
export async function sendTranslation(
  deps: ContributionDeps,
  account: SessionAccount,
  p: { practiceId: string; language: string; form: TranslationForm; license: string; ip: string | null; revise?: { id: number; version: number } },
): Promise<boolean> {
  const data = { ...translationData(p.form) };
  if (p.revise) {
    const s = await findSubmission(deps.db, p.revise.id);
    const mine = s && s.submitterId === account.userId && s.kind === 'translation' && s.practiceId === p.practiceId && s.translationLanguage === p.language;
    if (!mine) throw notFound();
    if (!isEditableBySubmitter(s.state)) return true;
    if (!(await saveDraft(deps.db, s.id, { data: { ...data }, step: 1, license: p.license }, p.revise.version))) return false;
    await submitOnce(deps, account, (await findSubmission(deps.db, s.id)) as Submission, p.ip);
    return true;
  }
  const s = await createSubmission(deps.db, {
    kind: 'translation',
    submitterId: account.userId,
    practiceId: p.practiceId,
    translationLanguage: p.language,
    data: { ...data },
    step: 1,
    license: p.license,
    requestKey: p.form.request_key,
  });
  if (s.submitterId !== account.userId) throw notFound();
  await submitOnce(deps, account, s, p.ip);
  return true;
}
