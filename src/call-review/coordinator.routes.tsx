import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { AppError, notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { readFormValues } from '../shared/read-form.ts';
import { addPoolReviewer, assignBalanced, assignByHand } from './assign-reviewers.command.ts';
import { loadApplicationReview, loadOverview } from './call-review.data.ts';
import { coordinatorRoles } from './call-review.policy.ts';
import { decisionForm, emailForm, idParam } from './call-review.schema.ts';
import { decideApplication } from './decide-application.command.ts';
import { releaseDecisions } from './release-decisions.command.ts';
import { ApplicationReviewPage } from './views/application-review-page.tsx';
import { OverviewPage } from './views/overview-page.tsx';

/** The notice the overview and an application's page show after each form (`?done=`). */
const notices: Record<string, string> = {
  pool: 'call_review.notice.pool',
  balanced: 'call_review.notice.balanced',
  assigned: 'call_review.notice.assigned',
  decided: 'call_review.notice.decided',
  released: 'call_review.notice.released',
};

/** The page of the ranked table asked for: a positive integer, else the first. */
const pageParam = (raw: string | undefined) => (raw && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1);

/** A field error of a command (an unknown email…) as the form's errors, else undefined. */
const fieldErrors = (e: unknown) =>
  e instanceof AppError && e.code === 'bad_request' && e.fields?.length ? Object.fromEntries(e.fields.map((f) => [f.path, f.message])) : undefined;

/**
 * The coordinator's side of a call's review (coordinators and admins): GET /calls/{slug}/review
 * (overview), …/applications/{id} (one application), and the forms: …/pool (add a reviewer by
 * email), …/assign-balanced, …/applications/{id}/assign, …/applications/{id}/decision, …/release.
 */
export function coordinatorRoutes({ db, config }: Pick<AppDeps, 'db' | 'config'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = role(...coordinatorRoles);
  const actor = (c: Context<AppEnv>) => {
    const account = signedInAccount(c);
    return { userId: account.userId, role: account.role, ip: clientAddress(c, config.TRUST_PROXY) };
  };
  const slugOf = (c: Context<AppEnv>) => c.req.param('slug') ?? '';
  const base = (c: Context<AppEnv>) => `/calls/${encodeURIComponent(slugOf(c))}/review`;
  const appId = (c: Context<AppEnv>) => {
    const id = idParam(c.req.param('id'));
    if (id === undefined) throw notFound('no such application');
    return id;
  };
  const applicationPage = async (c: Context<AppEnv>, id: number, extra: Partial<Parameters<typeof ApplicationReviewPage>[0]> = {}, status: 200 | 400 = 200) => {
    const data = await loadApplicationReview(db, slugOf(c), id);
    const application = data.application;
    const notice = notices[c.req.query('done') ?? ''];
    return privatePage(
      c,
      <ApplicationReviewPage call={data.call} application={application} csrf={signedInAccount(c).csrfToken} notice={notice} {...extra} />,
      status,
    );
  };

  app.get('/calls/:slug/review', guard, async (c) => {
    const data = await loadOverview(db, slugOf(c));
    const page = pageParam(c.req.query('page'));
    return privatePage(c, <OverviewPage {...data} page={page} csrf={signedInAccount(c).csrfToken} notice={notices[c.req.query('done') ?? '']} />);
  });

  app.get('/calls/:slug/review/applications/:id', guard, (c) => applicationPage(c, appId(c)));

  app.post('/calls/:slug/review/pool', guard, async (c) => {
    const values = await postedForm(c);
    const form = readFormValues(emailForm, values, ['call_review.'], 'call_review.assign.email.invalid');
    const again = async (errors: Record<string, string>) => {
      const data = await loadOverview(db, slugOf(c));
      return privatePage(c, <OverviewPage {...data} csrf={signedInAccount(c).csrfToken} poolForm={{ email: String(values.email ?? ''), errors }} />, 400);
    };
    if (!form.ok) return again(form.errors);
    try {
      await addPoolReviewer(db, slugOf(c), form.data.email, actor(c));
    } catch (e) {
      const errors = fieldErrors(e);
      if (errors) return again(errors);
      throw e;
    }
    return seeOther(c, `${base(c)}?done=pool`);
  });

  app.post('/calls/:slug/review/assign-balanced', guard, async (c) => {
    await assignBalanced(db, slugOf(c), actor(c));
    return seeOther(c, `${base(c)}?done=balanced`);
  });

  app.post('/calls/:slug/review/applications/:id/assign', guard, async (c) => {
    const id = appId(c);
    const values = await postedForm(c);
    const form = readFormValues(emailForm, values, ['call_review.'], 'call_review.assign.email.invalid');
    const again = (errors: Record<string, string>) => applicationPage(c, id, { assign: { email: String(values.email ?? ''), errors } }, 400);
    if (!form.ok) return again(form.errors);
    try {
      await assignByHand(db, slugOf(c), id, form.data.email, actor(c));
    } catch (e) {
      const errors = fieldErrors(e);
      if (errors) return again(errors);
      throw e;
    }
    return seeOther(c, `${base(c)}/applications/${id}?done=assigned`);
  });

  app.post('/calls/:slug/review/applications/:id/decision', guard, async (c) => {
    const id = appId(c);
    const values = await postedForm(c);
    const form = readFormValues(decisionForm, values, ['call_review.'], 'call_review.decision.choose');
    if (!form.ok)
      return applicationPage(c, id, { decide: { decision: String(values.decision ?? ''), message: String(values.message ?? ''), errors: form.errors } }, 400);
    await decideApplication(db, slugOf(c), id, form.data, actor(c));
    return seeOther(c, `${base(c)}/applications/${id}?done=decided`);
  });

  app.post('/calls/:slug/review/release', guard, async (c) => {
    await releaseDecisions({ db, publicUrl: config.publicUrl }, slugOf(c), actor(c));
    return seeOther(c, `${base(c)}?done=released`);
  });

  return app;
}
