import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { can } from '../security/authorize.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { consumeRate } from '../security/rate-limit.ts';
import { tooManyAttempts } from '../security/refusals.tsx';
import { firstValue } from '../shared/form-values.ts';
import { isStorableText } from '../shared/storable-text.ts';
import {
  type Applicant,
  addCoEditor,
  saveApplicationStep,
  startApplication,
  submitApplication,
  uploadApplicationFile,
  withdrawApplication,
} from './application.command.ts';
import { applicationsOf, currentApplicationOf, editorNames, fileContent, filesOf, findApplication, organizationsOf } from './application.repo.ts';
import { answerValues, pagesOf, readAnswers, readIdentity } from './application-form.ts';
import { callPolicy } from './call.policy.ts';
import { type CallRow, findCall } from './call.repo.ts';
import { callPhase } from './call-dates.ts';
import { applicationIdPattern, callSlugPattern } from './call-paths.ts';
import { ApplicationPage, type ApplicationPageProps, MyApplicationsPage } from './views/application-page.tsx';
import { ApplicationStepPage, ApplyStartPage } from './views/apply-pages.tsx';

/** Whether a reviewer assigned to an application, without a declared conflict, may read it (handed in by the review side). */
export type ReviewerAccess = (db: AppDeps['db'], userId: number, applicationId: number) => Promise<boolean>;

/** Saves of application pages per person: a long form, many saves, still a bound for scripts. */
const saveRule = { limit: 300, windowSeconds: 3600 };

const notices: Record<string, string> = {
  saved: 'calls.done.step_saved',
  submitted: 'calls.done.submitted',
  withdrawn: 'calls.done.withdrawn',
  editor: 'calls.done.editor',
  uploaded: 'calls.done.uploaded',
};

/**
 * Applying to a call (signed in): GET and POST /calls/{slug}/apply (who applies; creates the
 * draft), the pages of questions (…/applications/{id}/step/{n}, saved with the version read),
 * the read-back page, submit, withdraw, co-editors, file upload and download, and
 * /my/applications. Files go only to the applicant's side, coordinators and admins, and the
 * reviewers `reviewerAccess` admits.
 */
export function applyRoutes({ db, config }: AppDeps, reviewerAccess?: ReviewerAccess): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = signedIn();
  const applicantOf = (c: Context<AppEnv>): Applicant => {
    const a = signedInAccount(c);
    return { userId: a.userId, role: a.role, email: a.email, name: a.name, locale: a.locale, ip: clientAddress(c, config.TRUST_PROXY) };
  };
  const callOf = async (c: Context<AppEnv>): Promise<CallRow> => {
    const call = await findCall(db, c.req.param('slug') ?? '');
    if (call?.state !== 'published') throw notFound(`no call "${c.req.param('slug')}"`);
    return call;
  };
  /** The application, for a viewer allowed to read it (anyone else: 403). */
  const idOf = (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? '';
    if (id.length > 15) throw notFound('no such application');
    return Number(id);
  };
  const readable = async (c: Context<AppEnv>, call: CallRow) => {
    const a = await findApplication(db, call.id, idOf(c));
    if (!a) throw notFound('no such application');
    if (!can(signedInAccount(c), callPolicy.read, a)) throw forbidden();
    return a;
  };
  /** The application, for its applicant or a co-editor (anyone else: 403). */
  const editable = async (c: Context<AppEnv>, call: CallRow) => {
    const a = await readable(c, call);
    if (!can(signedInAccount(c), callPolicy.edit, a)) throw forbidden();
    return a;
  };
  const limited = (c: Context<AppEnv>) => consumeRate(db, `application-save:user:${signedInAccount(c).userId}`, saveRule);
  const overview = async (c: Context<AppEnv>, call: CallRow, id: number, extra: Partial<ApplicationPageProps> = {}, status: 200 | 400 | 409 = 200) => {
    const application = await findApplication(db, call.id, id);
    if (!application) throw notFound('no such application');
    const account = signedInAccount(c);
    const [files, editors] = await Promise.all([filesOf(db, application.id), editorNames(db, application.id)]);
    return privatePage(
      c,
      <ApplicationPage
        call={call}
        application={application}
        files={files}
        editors={editors}
        now={new Date()}
        csrf={can(account, callPolicy.edit, application) ? account.csrfToken : undefined}
        owner={application.applicantId === account.userId}
        notice={notices[c.req.query('done') ?? '']}
        {...extra}
      />,
      status,
    );
  };

  app.get('/my/applications', guard, async (c) => {
    const items = await applicationsOf(db, signedInAccount(c).userId);
    return privatePage(c, <MyApplicationsPage items={items.map((i) => ({ ...i, id: Number(i.id) }))} />);
  });

  const startPage = async (c: Context<AppEnv>, call: CallRow, values = {}, errors?: Record<string, string>) => {
    const organizations = await organizationsOf(db, signedInAccount(c).userId);
    return privatePage(
      c,
      <ApplyStartPage call={call} values={values} errors={errors} csrf={signedInAccount(c).csrfToken} organizations={organizations} />,
      errors ? 400 : 200,
    );
  };

  app.get(`/calls/${callSlugPattern}/apply`, guard, async (c) => {
    const call = await callOf(c);
    const existing = await currentApplicationOf(db, call.id, signedInAccount(c).userId);
    if (existing) return seeOther(c, `/calls/${call.slug}/applications/${existing}`);
    if (callPhase(call, new Date()) !== 'open') return seeOther(c, `/calls/${call.slug}`);
    return startPage(c, call);
  });

  app.post(`/calls/${callSlugPattern}/apply`, guard, async (c) => {
    const call = await callOf(c);
    const values = await postedForm(c);
    const organizations = await organizationsOf(db, signedInAccount(c).userId);
    const read = readIdentity(values, call.eligible as never, new Map(organizations.map((o) => [o.slug, o.id])));
    if ('errors' in read) return startPage(c, call, values, read.errors);
    const rate = await limited(c);
    if (!rate.allowed) return tooManyAttempts(c, rate);
    const id = await startApplication(db, call, read.identity, applicantOf(c));
    return seeOther(c, pagesOf(call.questions).length ? `/calls/${call.slug}/applications/${id}/step/1` : `/calls/${call.slug}/applications/${id}`);
  });

  const base = `/calls/${callSlugPattern}/applications/${applicationIdPattern}`;

  app.get(base, guard, async (c) => {
    const call = await callOf(c);
    await readable(c, call);
    return overview(c, call, idOf(c));
  });

  const stepOf = (c: Context<AppEnv>, call: CallRow) => {
    const pages = pagesOf(call.questions);
    const step = Number(c.req.param('step'));
    if (!Number.isInteger(step) || step < 1 || step > pages.length) throw notFound('no such step');
    return { pages, step, questions: pages[step - 1] };
  };

  app.get(`${base}/step/:step{[0-9]+}`, guard, async (c) => {
    const call = await callOf(c);
    const a = await editable(c, call);
    if (a.state !== 'draft') return seeOther(c, `/calls/${call.slug}/applications/${a.id}`);
    const { pages, step, questions } = stepOf(c, call);
    const file = questions[0]?.kind === 'file' ? (await filesOf(db, a.id)).find((f) => f.question === questions[0].key) : undefined;
    return privatePage(
      c,
      <ApplicationStepPage
        call={call}
        applicationId={a.id}
        step={step}
        steps={pages.length}
        questions={questions}
        values={answerValues(questions, a.answers)}
        version={a.version}
        csrf={signedInAccount(c).csrfToken}
        file={file}
      />,
    );
  });

  app.post(`${base}/step/:step{[0-9]+}`, guard, async (c) => {
    const call = await callOf(c);
    const a = await editable(c, call);
    const { pages, step, questions } = stepOf(c, call);
    const values = await postedForm(c);
    const page = (errors: Record<string, string> | undefined, version: number, saved?: typeof a.answers, status: 400 | 409 = 400) =>
      privatePage(
        c,
        <ApplicationStepPage
          call={call}
          applicationId={a.id}
          step={step}
          steps={pages.length}
          questions={questions}
          values={values}
          version={version}
          csrf={signedInAccount(c).csrfToken}
          errors={errors}
          saved={saved}
        />,
        status,
      );
    const read = readAnswers(questions, values);
    if ('errors' in read) return page(read.errors, Number(firstValue(values.version)) || a.version);
    const rate = await limited(c);
    if (!rate.allowed) return tooManyAttempts(c, rate);
    const version = Number(firstValue(values.version));
    const saved = Number.isInteger(version) && (await saveApplicationStep(db, call, a, version, read.answers, step, applicantOf(c)));
    // Someone saved since this page was read: both are shown, theirs as saved and these as typed, to save again over it.
    if (!saved) return page(undefined, a.version, a.answers, 409);
    return seeOther(
      c,
      step < pages.length ? `/calls/${call.slug}/applications/${a.id}/step/${step + 1}` : `/calls/${call.slug}/applications/${a.id}?done=saved`,
    );
  });

  app.post(`${base}/submit`, guard, async (c) => {
    const call = await callOf(c);
    const a = await editable(c, call);
    const values = await postedForm(c);
    const refusal = await submitApplication(db, call, a.id, firstValue(values.consent_public) !== undefined, applicantOf(c), config.publicUrl);
    if (refusal) return overview(c, call, a.id, { refusal }, refusal.reason === 'late' ? 409 : 400);
    return seeOther(c, `/calls/${call.slug}/applications/${a.id}?done=submitted`);
  });

  app.post(`${base}/withdraw`, guard, async (c) => {
    const call = await callOf(c);
    const a = await editable(c, call);
    await withdrawApplication(db, call, a.id, applicantOf(c));
    return seeOther(c, `/calls/${call.slug}/applications/${a.id}?done=withdrawn`);
  });

  app.post(`${base}/editors`, guard, async (c) => {
    const call = await callOf(c);
    const a = await editable(c, call);
    const email = (firstValue((await postedForm(c)).email) ?? '').trim();
    const wellFormed = email.length <= 320 && isStorableText(email) && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
    const added = wellFormed && (await addCoEditor(db, a, email, applicantOf(c), call.slug));
    if (!added) return overview(c, call, a.id, { editorError: 'calls.editors.error' }, 400);
    return seeOther(c, `/calls/${call.slug}/applications/${a.id}?done=editor`);
  });

  const fileQuestionOf = (c: Context<AppEnv>, call: CallRow) => {
    const q = call.questions.find((x) => x.key === c.req.param('question') && x.kind === 'file');
    if (!q) throw notFound('no such file question');
    return q;
  };

  app.post(`${base}/files/:question{[a-z0-9_]+}`, guard, async (c) => {
    const call = await callOf(c);
    const a = await editable(c, call);
    const q = fileQuestionOf(c, call);
    const body = await c.req.parseBody();
    const posted = body.file;
    const file = posted instanceof File ? { name: posted.name, bytes: Buffer.from(await posted.arrayBuffer()) } : undefined;
    const refusal = await uploadApplicationFile(db, call, a, q, file, applicantOf(c));
    const pages = pagesOf(call.questions);
    const step = pages.findIndex((p) => p.includes(q)) + 1;
    if (refusal)
      return privatePage(
        c,
        <ApplicationStepPage
          call={call}
          applicationId={a.id}
          step={step}
          steps={pages.length}
          questions={[q]}
          values={{}}
          version={a.version}
          csrf={signedInAccount(c).csrfToken}
          errors={{ [`file_${q.key}`]: refusal }}
        />,
        400,
      );
    return seeOther(
      c,
      step < pages.length ? `/calls/${call.slug}/applications/${a.id}/step/${step + 1}` : `/calls/${call.slug}/applications/${a.id}?done=uploaded`,
    );
  });

  app.get(`${base}/files/:question{[a-z0-9_]+}`, guard, async (c) => {
    const call = await callOf(c);
    const account = signedInAccount(c);
    const a = await findApplication(db, call.id, idOf(c));
    if (!a) throw notFound('no such application');
    const allowed = can(account, callPolicy.read, a) || (reviewerAccess ? await reviewerAccess(db, account.userId, a.id) : false);
    if (!allowed) throw forbidden();
    const q = fileQuestionOf(c, call);
    const file = await fileContent(db, a.id, q.key);
    if (!file) throw notFound('no such file');
    // Never read as a page: a download, its type fixed, no sniffing (the security headers add CSP `sandbox` to every download).
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', `attachment; filename="${q.key}.pdf"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`);
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'private, no-store');
    return c.body(new Uint8Array(file.content));
  });

  return app;
}
