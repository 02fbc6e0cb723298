import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { isPdf } from '../calls/application.command.ts';
import type { AppEnv, ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedIn, signedInAccount } from '../security/guards.ts';
import { editorRoles, isEditor } from '../security/roles.ts';
import { randomToken } from '../security/tokens.ts';
import { type FormValues, firstValue } from '../shared/form-values.ts';
import { createSubmission, findSubmission, type Submission, saveDraft } from '../submissions/submission.repo.ts';
import { isEditableBySubmitter } from '../submissions/submission-state.ts';
import { transitionSubmission } from '../submissions/submission-workflow.ts';
import { resourceDraftPath } from '../submissions/submit-paths.ts';
import { findResource, linksOfResource } from './resource.repo.ts';
import { draftProblems, editResource } from './resource-commands.ts';
import { putSubmissionFile, type ResourceFile, submissionFile, submissionFileInfo } from './resource-file.repo.ts';
import { formValuesOf, type ResourceDraft, readResourceForm } from './resource-form.ts';
import { ResourceEditPage, ResourceSubmitPage } from './views/resource-form-page.tsx';

/** The largest PDF the library keeps: 20 MB. */
export const maxResourceFileBytes = 20 * 1024 * 1024;

const submissionIdParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const requestKey = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/);
const version = z.coerce.number().int().min(1).max(2_147_483_647);
/** What the form's button asked: keep it as a draft, or send it to the editors. */
const action = (values: FormValues) => (firstValue(values.action) === 'send' ? 'send' : 'save');

/**
 * A PDF as a download, never read as a page: its type fixed, no sniffing (the security headers
 * add CSP `sandbox` to every download), named as it was uploaded.
 * @example return pdfResponse(c, file, 'private, no-store');
 */
export function pdfResponse(c: Context<AppEnv>, file: ResourceFile, cacheControl: string): Response {
  c.header('content-type', 'application/pdf');
  c.header('content-disposition', `attachment; filename="resource.pdf"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`);
  c.header('x-content-type-options', 'nosniff');
  c.header('cache-control', cacheControl);
  return c.body(new Uint8Array(file.content));
}

/** The resource submission in the path, for its submitter (or, with `editors`, an editor); 404 for another kind, 403 for someone else's. */
async function resourceSubmission(deps: ContributionDeps, c: Context<AppEnv>, editors = false): Promise<{ account: SessionAccount; submission: Submission }> {
  const account = signedInAccount(c);
  const id = submissionIdParam.safeParse(c.req.param('id'));
  const submission = id.success ? await findSubmission(deps.db, id.data) : undefined;
  if (submission?.kind !== 'resource') throw notFound();
  if (submission.submitterId !== account.userId && !(editors && isEditor(account))) throw forbidden();
  return { account, submission };
}

/** Sends a saved draft to review when asked and the draft has no problem the form alone cannot see; the problems otherwise. */
async function sendIfAsked(deps: ContributionDeps, c: Context<AppEnv>, s: Submission, draft: ResourceDraft, send: boolean): Promise<Record<string, string>> {
  if (!send) return {};
  const problems = await draftProblems(deps.db, draft, (await submissionFileInfo(deps.db, s.id)) !== undefined);
  if (Object.keys(problems).length) return problems;
  const fresh = (await findSubmission(deps.db, s.id)) ?? s;
  await transitionSubmission(deps, {
    submission: fresh,
    actor: signedInAccount(c),
    as: 'submitter',
    to: 'submitted',
    ip: clientAddress(c, deps.config.TRUST_PROXY),
  });
  return {};
}

/** Contributing a resource: the form, a draft's page (edit, attach a PDF, send to review), the draft's PDF. */
function submitRoutes(app: Hono<AppEnv>, deps: ContributionDeps): void {
  const { db } = deps;
  app.get('/resources/submit', signedIn(), (c) => {
    const account = signedInAccount(c);
    return privatePage(c, <ResourceSubmitPage values={formValuesOf({})} csrf={account.csrfToken} requestKey={randomToken()} />);
  });

  app.post('/resources/submit', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const values = await postedForm(c);
    const key = requestKey.safeParse(firstValue(values.request_key));
    if (!key.success) throw badRequest('the form has no valid request_key; open /resources/submit again');
    const form = readResourceForm(values);
    if (!form.ok) return privatePage(c, <ResourceSubmitPage values={values} errors={form.errors} csrf={account.csrfToken} requestKey={key.data} />, 400);
    const submission = await createSubmission(db, { kind: 'resource', submitterId: account.userId, data: { ...form.draft }, step: 1, requestKey: key.data });
    if (submission.submitterId !== account.userId) throw notFound();
    const problems = submission.state === 'draft' ? await sendIfAsked(deps, c, submission, form.draft, action(values) === 'send') : {};
    if (Object.keys(problems).length)
      return privatePage(c, <ResourceSubmitPage submission={submission} values={values} errors={problems} csrf={account.csrfToken} />, 400);
    return seeOther(c, action(values) === 'send' ? `/submissions/${submission.id}` : `${resourceDraftPath(submission.id)}?done=saved`);
  });

  app.get('/resources/submissions/:id{[0-9]+}', signedIn(), async (c) => {
    const { account, submission } = await resourceSubmission(deps, c);
    if (!isEditableBySubmitter(submission.state)) return seeOther(c, `/submissions/${submission.id}`);
    const file = await submissionFileInfo(db, submission.id);
    const done = c.req.query('done');
    return privatePage(
      c,
      <ResourceSubmitPage
        submission={submission}
        values={formValuesOf(submission.data as Partial<ResourceDraft>)}
        file={file}
        csrf={account.csrfToken}
        notice={done === 'saved' || done === 'uploaded' ? `resources.done.${done}` : undefined}
      />,
    );
  });

  app.post('/resources/submissions/:id{[0-9]+}', signedIn(), async (c) => {
    const { account, submission } = await resourceSubmission(deps, c);
    if (!isEditableBySubmitter(submission.state)) throw conflict(`a submission that is ${submission.state} can no longer be changed`);
    const values = await postedForm(c);
    const at = version.safeParse(firstValue(values.version));
    if (!at.success) throw badRequest('the form has no valid version; open the draft again');
    const file = await submissionFileInfo(db, submission.id);
    const form = readResourceForm(values);
    const again = (errors: Record<string, string>, status: 400 | 409) =>
      privatePage(c, <ResourceSubmitPage submission={submission} values={values} file={file} errors={errors} csrf={account.csrfToken} />, status);
    if (!form.ok) return again(form.errors, 400);
    if (!(await saveDraft(db, submission.id, { data: { ...form.draft }, step: 1 }, at.data))) return again({ form: 'resources.error.version' }, 409);
    const problems = await sendIfAsked(deps, c, submission, form.draft, action(values) === 'send');
    if (Object.keys(problems).length) return again(problems, 400);
    return seeOther(c, action(values) === 'send' ? `/submissions/${submission.id}` : `${resourceDraftPath(submission.id)}?done=saved`);
  });

  app.post('/resources/submissions/:id{[0-9]+}/file', signedIn(), async (c) => {
    const { account, submission } = await resourceSubmission(deps, c);
    if (!isEditableBySubmitter(submission.state)) throw conflict(`a submission that is ${submission.state} can no longer be changed`);
    const body = await c.req.parseBody();
    const posted = body.file;
    const bytes = posted instanceof File ? Buffer.from(await posted.arrayBuffer()) : undefined;
    const refusal = !bytes?.length
      ? 'resources.file.error.missing'
      : bytes.length > maxResourceFileBytes
        ? 'resources.file.error.size'
        : !isPdf(bytes)
          ? 'resources.file.error.type'
          : undefined;
    if (refusal || !bytes || !(posted instanceof File)) {
      const file = await submissionFileInfo(db, submission.id);
      const values = formValuesOf(submission.data as Partial<ResourceDraft>);
      return privatePage(
        c,
        <ResourceSubmitPage
          submission={submission}
          values={values}
          file={file}
          errors={{ file: refusal ?? 'resources.file.error.missing' }}
          csrf={account.csrfToken}
        />,
        400,
      );
    }
    const name = (posted.name.replace(/[\u0000-\u001f\u007f"\\/]/g, '_').slice(-200) || 'resource.pdf').replace(/^\.+/, '_');
    await putSubmissionFile(db, submission.id, { name, bytes }, account.userId);
    return seeOther(c, `${resourceDraftPath(submission.id)}?done=uploaded`);
  });

  app.get('/resources/submissions/:id{[0-9]+}/file', signedIn(), async (c) => {
    const { submission } = await resourceSubmission(deps, c, true);
    const file = await submissionFile(db, submission.id);
    if (!file) throw notFound('this submission has no PDF');
    return pdfResponse(c, file, 'private, no-store');
  });
}

/** Editors changing a published resource: the same form, refused over someone else's newer save. */
function editRoutes(app: Hono<AppEnv>, deps: ContributionDeps): void {
  const { db, config } = deps;
  const editors = role(...editorRoles);
  const resourceOf = async (c: Context<AppEnv>) => {
    const resource = await findResource(db, c.req.param('slug') ?? '');
    if (!resource) throw notFound(`no resource "${c.req.param('slug')}"`);
    return resource;
  };
  const path = '/resources/:slug{[a-z0-9]+(?:-[a-z0-9]+)*}/edit';

  app.get(path, editors, async (c) => {
    const account = signedInAccount(c);
    const resource = await resourceOf(c);
    const values = formValuesOf({ ...resource, links: await linksOfResource(db, resource.id) });
    return privatePage(c, <ResourceEditPage resource={resource} values={values} version={resource.version} csrf={account.csrfToken} />);
  });

  app.post(path, editors, async (c) => {
    const account = signedInAccount(c);
    const resource = await resourceOf(c);
    const values = await postedForm(c);
    const at = version.safeParse(firstValue(values.version));
    if (!at.success) throw badRequest('the form has no valid version; open the edit form again');
    const form = readResourceForm(values);
    const again = (errors: Record<string, string>, status: 400 | 409) =>
      privatePage(c, <ResourceEditPage resource={resource} values={values} version={at.data} errors={errors} csrf={account.csrfToken} />, status);
    if (!form.ok) return again(form.errors, 400);
    const problems = await draftProblems(db, form.draft, resource.has_file);
    if (Object.keys(problems).length) return again(problems, 400);
    try {
      await editResource(db, resource, at.data, form.draft, { userId: account.userId, ip: clientAddress(c, config.TRUST_PROXY) });
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return again({ form: 'resources.error.version' }, 409);
      throw error;
    }
    return seeOther(c, `/resources/${encodeURIComponent(resource.slug)}?done=edited`);
  });
}

/**
 * The library's contributing side: /resources/submit and a draft's page (resource submissions go
 * through the practices' review workflow: /submissions/{id}, the editors' queue), and editors'
 * /resources/{slug}/edit.
 * @example app.route('/', resourceSubmitRoutes(deps));
 */
export function resourceSubmitRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  submitRoutes(app, deps);
  editRoutes(app, deps);
  return app;
}
