import { type Context, Hono } from 'hono';
import type { Database } from '../db/database.ts';
import type { AppEnv, ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { AppError, badRequest, forbidden, notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { authorize } from '../security/authorize.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedIn, signedInAccount } from '../security/guards.ts';
import { editorRoles, isEditor } from '../security/roles.ts';
import { findSubmission, type Submission } from '../submissions/submission.repo.ts';
import { canMove } from '../submissions/submission-state.ts';
import { publishSubmission } from './publish-submission.command.ts';
import { publishProblems } from './published-record.ts';
import { reviewPolicy } from './review.policy.ts';
import { addComment, assignEditor, decide, loadSubmissionView } from './review.service.ts';
import { assignForm, commentForm, readReviewForm, rejectForm, requestChangesForm, submissionId } from './submission-page.schema.ts';
import { SubmissionPage, type SubmissionPageProps } from './views/submission-page.tsx';

/** Confirmations after a successful post, by the `done` query value. */
const notices: Record<string, string> = {
  comment: 'review.done.comment',
  assigned: 'review.done.assigned',
  unassigned: 'review.done.unassigned',
  changes_requested: 'review.done.changes_requested',
  rejected: 'review.done.rejected',
  published: 'review.done.published',
};

/**
 * The submission in the path when the signed-in person (behind a guard) may follow it. Anyone
 * else gets 403 whether or not it exists, so ids reveal nothing; editors get 404 for a missing one.
 */
async function followed(db: Database, c: Context<AppEnv>): Promise<{ account: SessionAccount; submission: Submission }> {
  const account = signedInAccount(c);
  const id = submissionId.safeParse(c.req.param('id'));
  const submission = id.success ? await findSubmission(db, id.data) : undefined;
  if (!submission) throw isEditor(account) ? notFound() : forbidden();
  authorize(account, reviewPolicy.follow, submission);
  return { account, submission };
}

/** Renders the page (never cached: it holds a per-person form token and private messages). */
async function show(
  db: Database,
  c: Context<AppEnv>,
  account: SessionAccount,
  submission: Submission,
  extra: Partial<SubmissionPageProps> = {},
  status: 200 | 400 | 409 = 200,
) {
  const view = await loadSubmissionView(db, submission, account);
  const viewer = { userId: account.userId, editor: isEditor(account), csrf: account.csrfToken };
  return privatePage(c, <SubmissionPage view={view} viewer={viewer} {...extra} />, status);
}

/** Runs an editor's action; when someone acted first (a conflict) the page says so with 409 and nothing is written. */
async function unlessConflict(
  db: Database,
  c: Context<AppEnv>,
  account: SessionAccount,
  submission: Submission,
  message: string,
  work: () => Promise<Response>,
) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    const now = (await findSubmission(db, submission.id)) ?? submission;
    return show(db, c, account, now, { error: message }, 409);
  }
}

/** Back to the submission page after a post, with its confirmation. */
const back = (c: Context<AppEnv>, s: Submission, done: string) => seeOther(c, `/submissions/${s.id}?done=${done}`);
const stateConflict = 'review.error.state_conflict';

/** The page and its private conversation, for the submitter and the editors. */
function conversationRoutes(app: Hono<AppEnv>, deps: ContributionDeps): void {
  const { db } = deps;
  app.get('/submissions/:id', signedIn(), async (c) => {
    const { account, submission } = await followed(db, c);
    return show(db, c, account, submission, { notice: notices[c.req.query('done') ?? ''] });
  });

  app.post('/submissions/:id/comments', signedIn(), async (c) => {
    const { account, submission } = await followed(db, c);
    const values = await postedForm(c);
    const form = readReviewForm(commentForm, values);
    if (!form.ok) return show(db, c, account, submission, { comment: { value: String(values.body ?? ''), error: form.errors.body } }, 400);
    await addComment(deps, submission, account, form.data.body);
    return back(c, submission, 'comment');
  });
}

/** The editors' decisions: assign, ask for changes, reject, publish. */
function decisionRoutes(app: Hono<AppEnv>, deps: ContributionDeps): void {
  const { db, config } = deps;
  // Editor actions refuse members in their guard, before anything is read: nothing of the form is looked at.
  const editors = role(...editorRoles);
  const ip = (c: Context<AppEnv>) => clientAddress(c, config.TRUST_PROXY);

  app.post('/submissions/:id/assign', editors, async (c) => {
    const { account, submission } = await followed(db, c);
    const form = assignForm.safeParse(await postedForm(c));
    if (!form.success) throw badRequest('assignee must be "me" or "none"');
    return unlessConflict(db, c, account, submission, 'review.error.assign_conflict', async () => {
      await assignEditor(db, submission, account, form.data.assignee, form.data.expected ?? null);
      return back(c, submission, form.data.assignee === 'me' ? 'assigned' : 'unassigned');
    });
  });

  app.post('/submissions/:id/request-changes', editors, async (c) => {
    const { account, submission } = await followed(db, c);
    if (!canMove('editor', submission.state, 'changes_requested')) return show(db, c, account, submission, { error: stateConflict }, 409);
    const values = await postedForm(c);
    const form = readReviewForm(requestChangesForm, values);
    if (!form.ok)
      return show(db, c, account, submission, { failed: { form: 'request-changes', errors: form.errors, value: String(values.message ?? '') } }, 400);
    return unlessConflict(db, c, account, submission, stateConflict, async () => {
      await decide(deps, { submission, actor: account, to: 'changes_requested', message: form.data.message, ip: ip(c) });
      return back(c, submission, 'changes_requested');
    });
  });

  app.post('/submissions/:id/reject', editors, async (c) => {
    const { account, submission } = await followed(db, c);
    if (!canMove('editor', submission.state, 'rejected')) return show(db, c, account, submission, { error: stateConflict }, 409);
    const values = await postedForm(c);
    const form = readReviewForm(rejectForm, values);
    if (!form.ok) return show(db, c, account, submission, { failed: { form: 'reject', errors: form.errors, value: String(values.reason ?? '') } }, 400);
    return unlessConflict(db, c, account, submission, stateConflict, async () => {
      await decide(deps, { submission, actor: account, to: 'rejected', message: form.data.reason, ip: ip(c) });
      return back(c, submission, 'rejected');
    });
  });

  app.post('/submissions/:id/publish', editors, async (c) => {
    const { account, submission } = await followed(db, c);
    return unlessConflict(db, c, account, submission, stateConflict, async () => {
      try {
        await publishSubmission(deps, { submission, actor: account, ip: ip(c) });
      } catch (error) {
        // The draft is not a valid record (or its practice is gone): the editor sees what to ask for.
        const problems = publishProblems(error);
        if (problems) return show(db, c, account, submission, { problems }, 400);
        throw error;
      }
      return back(c, submission, 'published');
    });
  });
}

/**
 * /submissions/{id}: the submission page for its submitter and the editors, its private
 * conversation, and the editors' decisions (assign, ask for changes, reject, publish).
 */
export function submissionPageRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  conversationRoutes(app, deps);
  decisionRoutes(app, deps);
  return app;
}
