import { type Context, Hono } from 'hono';
import { privatePage } from '../accounts/route-helpers.ts';
import type { SessionAccount } from '../accounts/accounts-env.ts';
import { editorRoles, isEditor, requireRole, requireSignedIn } from '../accounts/access-policy.ts';
import { postedForm, seeOther } from '../accounts/route-helpers.ts';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { AppError, badRequest, forbidden, notFound } from '../http/errors.ts';
import { clientAddress } from '../security/client-address.ts';
import { canMove } from '../submissions/submission-state.ts';
import { findSubmission, type Submission } from '../submissions/submission.repo.ts';
import { publishSubmission } from './publish.service.ts';
import { canFollow } from './review-policy.ts';
import { assignForm, commentForm, readReviewForm, rejectForm, requestChangesForm, submissionId } from './review.schema.ts';
import { addComment, assignEditor, decide, loadSubmissionView } from './review.service.ts';
import { type SubmissionPageProps, SubmissionPage } from './views/submission-page.tsx';

/** Confirmations after a successful post, by the `done` query value. */
const notices: Record<string, string> = {
  comment: 'review.done.comment',
  assigned: 'review.done.assigned',
  unassigned: 'review.done.unassigned',
  changes_requested: 'review.done.changes_requested',
  rejected: 'review.done.rejected',
  published: 'review.done.published',
};

/** The signed-in person and the submission in the path, or the response to send instead. */
type Access = { account: SessionAccount; submission: Submission; redirect?: undefined } | { redirect: Response; account?: undefined; submission?: undefined };

/**
 * /submissions/{id}: the submission page for its submitter and the editors, its private
 * conversation, and the editors' decisions (assign, ask for changes, reject, publish).
 */
export function submissionPageRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const { db, config } = deps;
  const app = new Hono<AppEnv>();

  /**
   * The submission in the path when the signed-in person may follow it. Anyone else gets 403
   * whether or not it exists, so ids reveal nothing; editors get 404 for a missing one.
   */
  const followed = async (c: Context<AppEnv>, editorsOnly = false): Promise<Access> => {
    // Editor actions refuse members before anything is read: nothing of the form is looked at.
    const { account, redirect } = editorsOnly ? requireRole(c, editorRoles) : requireSignedIn(c);
    if (!account) return { redirect };
    const id = submissionId.safeParse(c.req.param('id'));
    const submission = id.success ? await findSubmission(db, id.data) : undefined;
    if (!submission) throw isEditor(account) ? notFound() : forbidden();
    if (!canFollow(account, submission)) throw forbidden();
    return { account, submission };
  };

  /** Renders the page (never cached: it holds a per-person form token and private messages). */
  const show = async (c: Context<AppEnv>, account: SessionAccount, submission: Submission, extra: Partial<SubmissionPageProps> = {}, status: 200 | 400 | 409 = 200) => {
    const view = await loadSubmissionView(db, submission, account);
    const viewer = { userId: account.userId, editor: isEditor(account), csrf: account.csrfToken };
    return privatePage(c, <SubmissionPage view={view} viewer={viewer} {...extra} />, status);
  };

  /** Runs an editor's action; when someone acted first (a conflict) the page says so with 409 and nothing is written. */
  const unlessConflict = async (c: Context<AppEnv>, account: SessionAccount, submission: Submission, message: string, work: () => Promise<Response>) => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      const now = (await findSubmission(db, submission.id)) ?? submission;
      return show(c, account, now, { error: message }, 409);
    }
  };

  const ip = (c: Context<AppEnv>) => clientAddress(c, config.TRUST_PROXY);
  const back = (c: Context<AppEnv>, s: Submission, done: string) => seeOther(c, `/submissions/${s.id}?done=${done}`);
  const stateConflict = 'review.error.state_conflict';

  app.get('/submissions/:id', async (c) => {
    const { account, submission, redirect } = await followed(c);
    if (!account) return redirect;
    return show(c, account, submission, { notice: notices[c.req.query('done') ?? ''] });
  });

  app.post('/submissions/:id/comments', async (c) => {
    const { account, submission, redirect } = await followed(c);
    if (!account) return redirect;
    const values = await postedForm(c);
    const form = readReviewForm(commentForm, values);
    if (!form.ok) return show(c, account, submission, { comment: { value: String(values.body ?? ''), error: form.errors.body } }, 400);
    await addComment(deps, submission, account, form.data.body);
    return back(c, submission, 'comment');
  });

  app.post('/submissions/:id/assign', async (c) => {
    const { account, submission, redirect } = await followed(c, true);
    if (!account) return redirect;
    const form = assignForm.safeParse(await postedForm(c));
    if (!form.success) throw badRequest('assignee must be "me" or "none"');
    return unlessConflict(c, account, submission, 'review.error.assign_conflict', async () => {
      await assignEditor(db, submission, account, form.data.assignee, form.data.expected ?? null);
      return back(c, submission, form.data.assignee === 'me' ? 'assigned' : 'unassigned');
    });
  });

  app.post('/submissions/:id/request-changes', async (c) => {
    const { account, submission, redirect } = await followed(c, true);
    if (!account) return redirect;
    if (!canMove('editor', submission.state, 'changes_requested')) return show(c, account, submission, { error: stateConflict }, 409);
    const values = await postedForm(c);
    const form = readReviewForm(requestChangesForm, values);
    if (!form.ok) return show(c, account, submission, { failed: { form: 'request-changes', errors: form.errors, value: String(values.message ?? '') } }, 400);
    return unlessConflict(c, account, submission, stateConflict, async () => {
      await decide(deps, { submission, actor: account, to: 'changes_requested', message: form.data.message, ip: ip(c) });
      return back(c, submission, 'changes_requested');
    });
  });

  app.post('/submissions/:id/reject', async (c) => {
    const { account, submission, redirect } = await followed(c, true);
    if (!account) return redirect;
    if (!canMove('editor', submission.state, 'rejected')) return show(c, account, submission, { error: stateConflict }, 409);
    const values = await postedForm(c);
    const form = readReviewForm(rejectForm, values);
    if (!form.ok) return show(c, account, submission, { failed: { form: 'reject', errors: form.errors, value: String(values.reason ?? '') } }, 400);
    return unlessConflict(c, account, submission, stateConflict, async () => {
      await decide(deps, { submission, actor: account, to: 'rejected', message: form.data.reason, ip: ip(c) });
      return back(c, submission, 'rejected');
    });
  });

  app.post('/submissions/:id/publish', async (c) => {
    const { account, submission, redirect } = await followed(c, true);
    if (!account) return redirect;
    return unlessConflict(c, account, submission, stateConflict, async () => {
      const result = await publishSubmission(deps, { submission, actor: account, ip: ip(c) });
      if (!result.ok) return show(c, account, submission, { problems: result.problems }, 400);
      return back(c, submission, 'published');
    });
  });

  return app;
}
