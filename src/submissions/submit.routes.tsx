import { type Context, Hono } from 'hono';
import { postedForm, privatePage } from '../accounts/route-helpers.ts';
import type { SessionAccount } from '../accounts/accounts-env.ts';
import { requireSignedIn } from '../accounts/access-policy.ts';
import { seeOther } from '../accounts/route-helpers.ts';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { formSteps, type PracticeFormValues } from '../practice-form/practice-form.fields.ts';
import { markdownPreviews } from '../practice-form/views/practice-step-fields.tsx';
import { findPublishedPractice } from '../practices/practice.repo.ts';
import { clientAddress } from '../security/client-address.ts';
import { randomToken } from '../security/tokens.ts';
import { type DraftData, recordOf, stepErrors, stepValues } from './draft-data.ts';
import { mySubmissionsPath, reviewPath, stepPath } from './submit-paths.ts';
import { draftVersion, practiceId, requestKey, stepAction, stepAt, stepNumber } from './submit.schema.ts';
import { ownSubmission, saveStep, sendProblems, sendToReview, startSubmission, type StepOutcome, withdrawSubmission } from './submit.service.ts';
import { canMove, isEditableBySubmitter } from './submission-state.ts';
import { submissionPath } from './submission-mails.ts';
import type { Submission } from './submission.repo.ts';
import type { OriginalPractice } from './views/adapt-parts.tsx';
import { ReviewPage } from './views/review-page.tsx';
import { StepPage } from './views/step-page.tsx';
import { ClosedPage, WithdrawPage } from './views/withdraw-page.tsx';

/** The first value of a posted field. */
const field = (values: PracticeFormValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The step-by-step submission form: /submit (a new one, or an adaptation with ?adapt=),
 * /submit/{id}/step/{n}, /submit/{id}/review, sending and withdrawing.
 */
export function submitRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const { db } = deps;
  const app = new Hono<AppEnv>();
  const ip = (c: Context<AppEnv>) => clientAddress(c, deps.config.TRUST_PROXY);

  /** The published practice an adaptation starts from; anything else is a 404. */
  const publishedOriginal = async (id: string): Promise<OriginalPractice & { themes: string[] }> => {
    const parsed = practiceId.safeParse(id);
    const found = parsed.success ? await findPublishedPractice(db, parsed.data) : undefined;
    if (!found) throw notFound();
    const r = found.record;
    return { id: found.id, title: r.title, city: r.city, country: r.country, language: r.language, themes: r.themes };
  };

  /** The original of an existing adaptation, for its banner; it may have been unpublished since. */
  const originalOf = async (s: Submission): Promise<OriginalPractice | undefined> =>
    s.adaptedFromId ? publishedOriginal(s.adaptedFromId).catch(() => ({ id: s.adaptedFromId as string, title: s.adaptedFromId as string })) : undefined;

  /** The person's own practice draft that they may still change, or the response to send instead. */
  const editableDraft = async (c: Context<AppEnv>, account: SessionAccount) => {
    const s = await ownSubmission(db, account, c.req.param('id') ?? '', 'practice');
    return { s, closed: !isEditableBySubmitter(s.state) };
  };

  /** The answer to a posted step: the page again with problems, a preview, a conflict, or on to the next page. */
  const afterStep = async (
    c: Context<AppEnv>,
    account: SessionAccount,
    n: number,
    values: PracticeFormValues,
    outcome: StepOutcome,
    action: string,
    /** The original of an adaptation, when the caller has it already. */
    known?: OriginalPractice,
  ) => {
    const { submission: s, errors, saved } = outcome;
    const draft = { id: s.id, version: s.version };
    // The adaptation's banner is only needed when the page is shown again, not for the usual redirect.
    const show = async (status: 200 | 400 | 409, extra: { preview?: Record<string, string>; notice?: 'conflict' } = {}) => {
      const original = known ?? (await originalOf(s));
      return privatePage(c, <StepPage n={n} draft={draft} original={original} values={values} errors={Object.keys(errors).length ? errors : undefined} csrf={account.csrfToken} {...extra} />, status);
    };
    if (!saved) return show(409, { notice: 'conflict' });
    if (Object.keys(errors).length) return show(400);
    if (action === 'preview') return show(200, { preview: markdownPreviews(values, formSteps[n - 1]) });
    if (action === 'save') return seeOther(c, `${stepPath(s.id, n)}?done=saved`);
    if (action === 'back') return seeOther(c, stepPath(s.id, Math.max(1, n - 1)));
    return seeOther(c, n === formSteps.length ? reviewPath(s.id) : stepPath(s.id, n + 1));
  };

  app.get('/submit', async (c) => {
    const { account, redirect } = requireSignedIn(c);
    if (!account) return redirect;
    const adapt = c.req.query('adapt');
    const original = adapt === undefined ? undefined : await publishedOriginal(adapt);
    // Nothing is stored until the first POST; the key makes that POST create one draft however often it is sent.
    const values: PracticeFormValues = original ? { themes: original.themes } : {};
    return privatePage(c, <StepPage n={1} requestKey={randomToken()} original={original} values={values} csrf={account.csrfToken} />);
  });

  app.post('/submit', async (c) => {
    const { account, redirect } = requireSignedIn(c);
    if (!account) return redirect;
    const values = await postedForm(c);
    const key = requestKey.safeParse(field(values, 'request_key'));
    if (!key.success) throw badRequest('the form has no valid request_key; open /submit again');
    const adapt = field(values, 'adapt');
    const original = adapt ? await publishedOriginal(adapt) : undefined;
    const action = stepAction.parse(field(values, 'action'));
    const outcome = await startSubmission(db, { account, requestKey: key.data, adaptedFromId: original?.id ?? null, values, forward: action === 'next' });
    return afterStep(c, account, 1, values, outcome, action, original);
  });

  app.get('/submit/:id/step/:n', async (c) => {
    const { account, redirect } = requireSignedIn(c);
    if (!account) return redirect;
    const n = stepNumber.safeParse(c.req.param('n'));
    if (!n.success) throw notFound();
    const { s, closed } = await editableDraft(c, account);
    if (closed) return seeOther(c, submissionPath(s.id));
    const data = s.data as DraftData;
    const step = stepAt(n.data);
    const notice = c.req.query('done') === 'saved' ? 'saved' : undefined;
    return privatePage(
      c,
      <StepPage n={n.data} draft={{ id: s.id, version: s.version }} original={await originalOf(s)} values={stepValues(data, step)} errors={stepErrors(data, step)} notice={notice} csrf={account.csrfToken} />,
    );
  });

  app.post('/submit/:id/step/:n', async (c) => {
    const { account, redirect } = requireSignedIn(c);
    if (!account) return redirect;
    const n = stepNumber.safeParse(c.req.param('n'));
    if (!n.success) throw notFound();
    const { s, closed } = await editableDraft(c, account);
    if (closed) return privatePage(c, <ClosedPage id={s.id} />, 409);
    const values = await postedForm(c);
    const version = draftVersion.safeParse(field(values, 'version'));
    if (!version.success) throw badRequest('the form has no valid version; reload the page');
    const action = stepAction.parse(field(values, 'action'));
    const outcome = await saveStep(db, s, n.data, values, version.data, action === 'next');
    return afterStep(c, account, n.data, values, outcome, action);
  });

  /** The review page, for the GET and for a refused send (400 with problems, 409 when the draft changed meanwhile). */
  const reviewPage = async (c: Context<AppEnv>, account: SessionAccount, s: Submission, status: 200 | 400 | 409 = 200) => {
    const conflict = status === 409;
    const data = s.data as DraftData;
    const page = (
      <ReviewPage submission={s} draft={recordOf(data)} adapt={s.adaptedFromId ? (data._adapt ?? { kept: '', changed: '', why: '' }) : undefined} original={await originalOf(s)} problems={sendProblems(s)} conflict={conflict} csrf={account.csrfToken} />
    );
    return privatePage(c, page, status);
  };

  app.get('/submit/:id/review', async (c) => {
    const { account, redirect } = requireSignedIn(c);
    if (!account) return redirect;
    const { s, closed } = await editableDraft(c, account);
    if (closed) return seeOther(c, submissionPath(s.id));
    return reviewPage(c, account, s);
  });

  app.post('/submit/:id/send', async (c) => {
    const { account, redirect } = requireSignedIn(c);
    if (!account) return redirect;
    const { s, closed } = await editableDraft(c, account);
    if (closed) return privatePage(c, <ClosedPage id={s.id} />, 409);
    const version = draftVersion.safeParse((await c.req.parseBody()).version);
    if (!version.success) throw badRequest('the form has no valid version; reload the page');
    const refused = await sendToReview(deps, account, s, version.data, ip(c));
    if (!refused) return seeOther(c, mySubmissionsPath('sent'));
    // Problems, or another tab changed the draft: show what is stored now, with why it was not sent.
    const now = await ownSubmission(db, account, String(s.id), 'practice');
    return reviewPage(c, account, now, 'conflict' in refused ? 409 : 400);
  });

  app.get('/submit/:id/withdraw', async (c) => {
    const { account, redirect } = requireSignedIn(c);
    if (!account) return redirect;
    const s = await ownSubmission(db, account, c.req.param('id'));
    if (!canMove('submitter', s.state, 'withdrawn')) return seeOther(c, submissionPath(s.id));
    return privatePage(c, <WithdrawPage id={s.id} title={s.title} csrf={account.csrfToken} />);
  });

  app.post('/submit/:id/withdraw', async (c) => {
    const { account, redirect } = requireSignedIn(c);
    if (!account) return redirect;
    const s = await ownSubmission(db, account, c.req.param('id'));
    if (!canMove('submitter', s.state, 'withdrawn')) return privatePage(c, <ClosedPage id={s.id} />, 409);
    await withdrawSubmission(deps, account, s, ip(c));
    return seeOther(c, mySubmissionsPath('withdrawn'));
  });

  return app;
}
