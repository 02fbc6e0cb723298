import type { Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { apiRouter } from '../http/openapi.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { readFormValues } from '../shared/read-form.ts';
import { loadFeedback, loadReviewPage } from './call-review.data.ts';
import { listReviewerAssignments } from './call-review.repo.ts';
import { conflictForm, idParam, readReviewForm } from './call-review.schema.ts';
import { declareConflict } from './declare-conflict.command.ts';
import { getReviewRoute } from './review-api.schema.ts';
import { saveOwnReview } from './save-review.command.ts';
import { FeedbackPage } from './views/feedback-page.tsx';
import { MyReviewsPage } from './views/my-reviews-page.tsx';
import { ReviewPage } from './views/review-page.tsx';

/** The notice the reviewer's pages show after each form (`?done=`). */
const notices: Record<string, string> = {
  conflict: 'call_review.notice.conflict',
  noconflict: 'call_review.notice.no_conflict',
  draft: 'call_review.notice.draft',
  submitted: 'call_review.notice.submitted',
};

/**
 * The reviewer's side (anyone signed in; each application only to its assigned reviewers without
 * a declared conflict, else 403): GET /reviews, GET and POST /reviews/{id} (scores), POST
 * /reviews/{id}/conflict, GET /api/v1/reviews/{id} (the review page as JSON); and the applicant's feedback, GET /calls/{slug}/applications/{id}/feedback.
 * A reviewer's files come from the calls area's file route, which asks canReviewerSee.
 */
export function reviewerRoutes({ db, config }: Pick<AppDeps, 'db' | 'config'>): Hono<AppEnv> {
  // An OpenAPI router, so that GET /api/v1/reviews/{id} reaches the document (see http/openapi.ts).
  const app = apiRouter();
  const actor = (c: Context<AppEnv>) => ({ userId: signedInAccount(c).userId, ip: clientAddress(c, config.TRUST_PROXY) });
  const appId = (c: Context<AppEnv>) => {
    const id = idParam(c.req.param('id'));
    if (id === undefined) throw notFound('no such review');
    return id;
  };

  app.get('/reviews', signedIn(), async (c) => {
    const assignments = await listReviewerAssignments(db, signedInAccount(c).userId);
    return privatePage(c, <MyReviewsPage assignments={assignments} notice={notices[c.req.query('done') ?? '']} />);
  });

  app.get('/reviews/:id', signedIn(), async (c) => {
    const data = await loadReviewPage(db, appId(c), signedInAccount(c).userId);
    return privatePage(c, <ReviewPage {...data} csrf={signedInAccount(c).csrfToken} notice={notices[c.req.query('done') ?? '']} />);
  });

  app.post('/reviews/:id/conflict', signedIn(), async (c) => {
    const id = appId(c);
    const account = signedInAccount(c);
    const form = readFormValues(conflictForm, await postedForm(c), ['call_review.'], 'call_review.conflict.choose');
    if (!form.ok) {
      const data = await loadReviewPage(db, id, account.userId);
      return privatePage(c, <ReviewPage {...data} csrf={account.csrfToken} conflictErrors={form.errors} />, 400);
    }
    await declareConflict(db, id, { conflict: form.data.conflict === 'yes', note: form.data.note }, actor(c));
    return form.data.conflict === 'yes' ? seeOther(c, '/reviews?done=conflict') : seeOther(c, `/reviews/${id}?done=noconflict`);
  });

  app.post('/reviews/:id', signedIn(), async (c) => {
    const id = appId(c);
    const account = signedInAccount(c);
    const data = await loadReviewPage(db, id, account.userId);
    const form = readReviewForm(data.call.rubric, await postedForm(c));
    if (Object.keys(form.errors).length)
      return privatePage(c, <ReviewPage {...data} csrf={account.csrfToken} form={{ values: form.values, errors: form.errors }} />, 400);
    await saveOwnReview(db, id, form.scores, form.intent, actor(c));
    return seeOther(c, `/reviews/${id}?done=${form.intent === 'submit' ? 'submitted' : 'draft'}`);
  });

  // The same as the review page, as JSON: for reviewers' own tools; the same refusal for a conflict.
  app.openapi(getReviewRoute, async (c) => {
    const { call, application, conflict, own, others } = await loadReviewPage(db, appId(c), signedInAccount(c).userId);
    c.header('cache-control', 'private, no-store');
    return c.json(
      {
        call: { slug: call.slug, title: call.title, rubric: call.rubric },
        application: { id: application.id, name: application.name, city: application.city, country: application.country, answers: application.answers },
        files: application.files.map((f) => ({
          question: f.question,
          name: f.file_name,
          size: f.size,
          url: `/calls/${call.slug}/applications/${application.id}/files/${f.question}`,
        })),
        conflictDeclared: conflict,
        review: own,
        otherReviews: others,
      },
      200,
    );
  });

  app.get('/calls/:slug/applications/:id/feedback', signedIn(), async (c) => {
    const data = await loadFeedback(db, c.req.param('slug'), appId(c), signedInAccount(c).userId);
    return privatePage(c, <FeedbackPage {...data} />);
  });

  return app;
}
