import { type Context, Hono } from 'hono';
import type { Database } from '../db/database.ts';
import type { AppEnv, ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import { formSteps, type PracticeFormValues } from '../practice-form/practice-form.fields.ts';
import { markdownPreviews } from '../practice-form/views/practice-step-fields.tsx';
import { exportLicense } from '../practices/export/exchange-json.ts';
import { findPublishedPractice } from '../practices/practice.repo.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { randomToken } from '../security/tokens.ts';
import { type DraftData, recordOf, stepErrors, stepValues } from './draft-data.ts';
import type { Submission } from './submission.repo.ts';
import { submissionPath } from './submission-mails.ts';
import { canMove, isEditableBySubmitter } from './submission-state.ts';
import { draftVersion, licenseConsent, practiceId, requestKey, stepAction, stepAt, stepNumber } from './submit.schema.ts';
import { ownSubmission, type StepOutcome, saveStep, sendProblems, sendToReview, startSubmission, withdrawSubmission } from './submit.service.ts';
import { checkPath, mySubmissionsPath, oldCheckPath, stepPath } from './submit-paths.ts';
import type { OriginalPractice } from './views/adapt-parts.tsx';
import { consentField } from './views/license-consent.tsx';
import { ReadBackPage } from './views/read-back-page.tsx';
import { StepPage } from './views/step-page.tsx';
import { ClosedPage, WithdrawPage } from './views/withdraw-page.tsx';

/** The first value of a posted field. */
const field = (values: PracticeFormValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The published practice an adaptation starts from; anything else is a 404. */
async function publishedOriginal(db: Database, id: string): Promise<OriginalPractice & { themes: string[] }> {
  const parsed = practiceId.safeParse(id);
  const found = parsed.success ? await findPublishedPractice(db, parsed.data) : undefined;
  if (!found) throw notFound();
  const r = found.record;
  return { id: found.id, title: r.title, city: r.city, country: r.country, language: r.language, themes: r.themes };
}

/** The original of an existing adaptation, for its banner; it may have been unpublished since. */
async function originalOf(db: Database, s: Submission): Promise<OriginalPractice | undefined> {
  return s.adaptedFromId
    ? publishedOriginal(db, s.adaptedFromId).catch(() => ({ id: s.adaptedFromId as string, title: s.adaptedFromId as string }))
    : undefined;
}

/** The person's own practice draft, and whether they may no longer change it (then the caller answers otherwise). */
async function editableDraft(db: Database, c: Context<AppEnv>, account: SessionAccount) {
  const s = await ownSubmission(db, account, c.req.param('id') ?? '', 'practice');
  return { s, closed: !isEditableBySubmitter(s.state) };
}

/** A posted step: its number, the values, what saving did, the button pressed, and the original of an adaptation when the caller has it already. */
interface PostedStep {
  n: number;
  values: PracticeFormValues;
  outcome: StepOutcome;
  action: string;
  known?: OriginalPractice;
}

/** The answer to a posted step: the page again with problems, a preview, a conflict, or on to the next page. */
async function afterStep(db: Database, c: Context<AppEnv>, account: SessionAccount, { n, values, outcome, action, known }: PostedStep) {
  const { submission: s, errors, saved } = outcome;
  const draft = { id: s.id, version: s.version };
  // The adaptation's banner is only needed when the page is shown again, not for the usual redirect.
  const show = async (status: 200 | 400 | 409, extra: { preview?: Record<string, string>; notice?: 'conflict' } = {}) => {
    const original = known ?? (await originalOf(db, s));
    return privatePage(
      c,
      <StepPage
        n={n}
        draft={draft}
        original={original}
        values={values}
        errors={Object.keys(errors).length ? errors : undefined}
        csrf={account.csrfToken}
        {...extra}
      />,
      status,
    );
  };
  if (!saved) return show(409, { notice: 'conflict' });
  if (Object.keys(errors).length) return show(400);
  if (action === 'preview') return show(200, { preview: markdownPreviews(values, formSteps[n - 1]) });
  if (action === 'save') return seeOther(c, `${stepPath(s.id, n)}?done=saved`);
  if (action === 'back') return seeOther(c, stepPath(s.id, Math.max(1, n - 1)));
  return seeOther(c, n === formSteps.length ? checkPath(s.id) : stepPath(s.id, n + 1));
}

/** The consent as the refused post left it: ticked or not, and the message when it was missing. */
interface ConsentState {
  checked?: boolean;
  error?: string;
}

/** The read-back page, for the GET and for a refused send (400 with problems or without consent, 409 when the draft changed meanwhile). */
async function readBackPage(
  db: Database,
  c: Context<AppEnv>,
  account: SessionAccount,
  s: Submission,
  status: 200 | 400 | 409 = 200,
  consent: ConsentState = {},
) {
  const conflict = status === 409;
  const data = s.data as DraftData;
  const page = (
    <ReadBackPage
      submission={s}
      draft={recordOf(data)}
      adapt={s.adaptedFromId ? (data._adapt ?? { kept: '', changed: '', why: '' }) : undefined}
      original={await originalOf(db, s)}
      problems={sendProblems(s)}
      conflict={conflict}
      csrf={account.csrfToken}
      consent={{ license: exportLicense, ...consent }}
    />
  );
  return privatePage(c, page, status);
}

/** The form itself: starting a submission (or an adaptation with ?adapt=) and each of its steps. */
function formRoutes(app: Hono<AppEnv>, { db }: ContributionDeps): void {
  app.get('/submit', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const adapt = c.req.query('adapt');
    const original = adapt === undefined ? undefined : await publishedOriginal(db, adapt);
    // Nothing is stored until the first POST; the key makes that POST create one draft however often it is sent.
    const values: PracticeFormValues = original ? { themes: original.themes } : {};
    return privatePage(c, <StepPage n={1} requestKey={randomToken()} original={original} values={values} csrf={account.csrfToken} />);
  });

  app.post('/submit', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const values = await postedForm(c);
    const key = requestKey.safeParse(field(values, 'request_key'));
    if (!key.success) throw badRequest('the form has no valid request_key; open /submit again');
    const adapt = field(values, 'adapt');
    const original = adapt ? await publishedOriginal(db, adapt) : undefined;
    const action = stepAction.parse(field(values, 'action'));
    const outcome = await startSubmission(db, { account, requestKey: key.data, adaptedFromId: original?.id ?? null, values, forward: action === 'next' });
    return afterStep(db, c, account, { n: 1, values, outcome, action, known: original });
  });

  app.get('/submit/:id/step/:n', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const n = stepNumber.safeParse(c.req.param('n'));
    if (!n.success) throw notFound();
    const { s, closed } = await editableDraft(db, c, account);
    if (closed) return seeOther(c, submissionPath(s.id));
    const data = s.data as DraftData;
    const step = stepAt(n.data);
    const notice = c.req.query('done') === 'saved' ? 'saved' : undefined;
    return privatePage(
      c,
      <StepPage
        n={n.data}
        draft={{ id: s.id, version: s.version }}
        original={await originalOf(db, s)}
        values={stepValues(data, step)}
        errors={stepErrors(data, step)}
        notice={notice}
        csrf={account.csrfToken}
      />,
    );
  });

  app.post('/submit/:id/step/:n', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const n = stepNumber.safeParse(c.req.param('n'));
    if (!n.success) throw notFound();
    const { s, closed } = await editableDraft(db, c, account);
    if (closed) return privatePage(c, <ClosedPage id={s.id} />, 409);
    const values = await postedForm(c);
    const version = draftVersion.safeParse(field(values, 'version'));
    if (!version.success) throw badRequest('the form has no valid version; reload the page');
    const action = stepAction.parse(field(values, 'action'));
    const outcome = await saveStep(db, s, n.data, values, version.data, action === 'next');
    return afterStep(db, c, account, { n: n.data, values, outcome, action });
  });
}

/** The draft read back, sending it to review, and withdrawing a submission. */
function sendRoutes(app: Hono<AppEnv>, deps: ContributionDeps): void {
  const { db } = deps;
  const ip = (c: Context<AppEnv>) => clientAddress(c, deps.config.TRUST_PROXY);

  // The read-back page was /submit/{id}/review until "review" came to mean the editors' area; old bookmarks follow.
  app.get(oldCheckPath, (c) => c.redirect(localizedPath(checkPath(c.req.param('id')), c.get('i18n').locale), 308));

  app.get('/submit/:id/check', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const { s, closed } = await editableDraft(db, c, account);
    if (closed) return seeOther(c, submissionPath(s.id));
    return readBackPage(db, c, account, s);
  });

  app.post('/submit/:id/send', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const { s, closed } = await editableDraft(db, c, account);
    if (closed) return privatePage(c, <ClosedPage id={s.id} />, 409);
    const body = await c.req.parseBody();
    const version = draftVersion.safeParse(body.version);
    if (!version.success) throw badRequest('the form has no valid version; reload the page');
    // Publishing needs the submitter's consent to the licence: without it nothing is sent, the box is asked for again.
    if (!licenseConsent.safeParse(body[consentField]).success) {
      return readBackPage(db, c, account, s, 400, { checked: false, error: 'license.consent.required' });
    }
    const refused = await sendToReview(deps, account, s, { version: version.data, license: exportLicense }, ip(c));
    if (!refused) return seeOther(c, mySubmissionsPath('sent'));
    // Problems, or another tab changed the draft: show what is stored now, with why it was not sent.
    const now = await ownSubmission(db, account, String(s.id), 'practice');
    return readBackPage(db, c, account, now, 'conflict' in refused ? 409 : 400, { checked: true });
  });

  app.get('/submit/:id/withdraw', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const s = await ownSubmission(db, account, c.req.param('id'));
    if (!canMove('submitter', s.state, 'withdrawn')) return seeOther(c, submissionPath(s.id));
    return privatePage(c, <WithdrawPage id={s.id} title={s.title} csrf={account.csrfToken} />);
  });

  app.post('/submit/:id/withdraw', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const s = await ownSubmission(db, account, c.req.param('id'));
    if (!canMove('submitter', s.state, 'withdrawn')) return privatePage(c, <ClosedPage id={s.id} />, 409);
    await withdrawSubmission(deps, account, s, ip(c));
    return seeOther(c, mySubmissionsPath('withdrawn'));
  });
}

/**
 * The step-by-step submission form: /submit (a new one, or an adaptation with ?adapt=),
 * /submit/{id}/step/{n}, /submit/{id}/check (the draft read back), sending and withdrawing.
 */
export function submitRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  formRoutes(app, deps);
  sendRoutes(app, deps);
  return app;
}
