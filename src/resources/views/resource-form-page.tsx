import type { FC } from 'hono/jsx';
import { CheckboxGroup } from '../../practice-form/views/form-controls.tsx';
import type { FieldErrors, FormValues } from '../../shared/form-values.ts';
import type { Submission } from '../../submissions/submission.repo.ts';
import { resourceDraftPath } from '../../submissions/submit-paths.ts';
import { CsrfInput, describedBy, ErrorSummary, Field, FieldFrame, Notice, TextAreaField } from '../../views/form-parts.tsx';
import { regionLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import { resourceRegions, resourceTypes } from '../resource.query.ts';
import type { ListedResource } from '../resource.repo.ts';
import type { ResourceFileInfo } from '../resource-file.repo.ts';

const text = (v: FormValues[string]) => (Array.isArray(v) ? v.join('\n') : (v ?? ''));
const list = (v: FormValues[string]) => (Array.isArray(v) ? v : v ? [v] : []);

/** The resource's fields: metadata, where to read it, and what it documents. */
const ResourceFields: FC<{ values: FormValues; errors?: FieldErrors }> = ({ values, errors }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const typeError = errors?.type;
  return (
    <>
      <Field name="title" label={t('resources.form.title')} value={text(values.title)} errors={errors} required maxlength={300} />
      <FieldFrame id="f-type" label={t('resources.form.type')} error={typeError} required>
        <select id="f-type" name="type" aria-invalid={typeError ? 'true' : undefined} aria-describedby={describedBy('f-type', undefined, typeError)}>
          <option value="">{t('resources.form.choose')}</option>
          {resourceTypes.map((ty) => (
            <option value={ty} selected={text(values.type) === ty}>
              {t(`resources.type.${ty}`)}
            </option>
          ))}
        </select>
      </FieldFrame>
      <Field name="publisher" label={t('resources.form.publisher')} value={text(values.publisher)} errors={errors} maxlength={300} />
      <TextAreaField
        name="authors"
        label={t('resources.form.authors')}
        hint={t('resources.form.one_per_line')}
        value={text(values.authors)}
        errors={errors}
        rows={3}
      />
      <Field name="year" label={t('resources.form.year')} value={text(values.year)} errors={errors} maxlength={4} />
      <Field
        name="languages"
        label={t('resources.form.languages')}
        hint={t('resources.form.languages_hint')}
        value={text(values.languages)}
        errors={errors}
        required
      />
      <TextAreaField name="abstract" label={t('resources.form.abstract')} value={text(values.abstract)} errors={errors} required maxlength={5000} rows={6} />
      <CheckboxGroup
        name="themes"
        label={t('resources.form.themes')}
        errors={errors}
        required
        values={list(values.themes)}
        options={themes.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
      />
      <CheckboxGroup
        name="regions"
        label={t('resources.form.regions')}
        errors={errors}
        values={list(values.regions)}
        options={resourceRegions.map((r) => ({ value: r, label: regionLabel(i18n, r) }))}
      />
      <Field name="url" label={t('resources.form.url')} hint={t('resources.form.url_hint')} value={text(values.url)} errors={errors} maxlength={2000} />
      <Field
        name="archive_url"
        label={t('resources.form.archive_url')}
        hint={t('resources.form.archive_url_hint')}
        value={text(values.archive_url)}
        errors={errors}
        maxlength={2000}
      />
      <Field name="licence" label={t('resources.form.licence')} value={text(values.licence)} errors={errors} maxlength={200} />
      <TextAreaField
        name="practices"
        label={t('resources.form.practices')}
        hint={t('resources.form.practices_hint')}
        value={text(values.practices)}
        errors={errors}
        rows={3}
      />
      <TextAreaField
        name="cities"
        label={t('resources.form.cities')}
        hint={t('resources.form.cities_hint')}
        value={text(values.cities)}
        errors={errors}
        rows={2}
      />
      <TextAreaField
        name="organizations"
        label={t('resources.form.organizations')}
        hint={t('resources.form.organizations_hint')}
        value={text(values.organizations)}
        errors={errors}
        rows={2}
      />
    </>
  );
};

/** The PDF of a draft: the one uploaded (if any) and the form to upload or replace it. */
const FileForm: FC<{ submissionId: number; file?: ResourceFileInfo; error?: string; csrf: string }> = ({ submissionId, file, error, csrf }) => {
  const { t } = usePage().i18n;
  const path = `${resourceDraftPath(submissionId)}/file`;
  return (
    <section aria-labelledby="file-heading" class="resource-file">
      <h2 id="file-heading">{t('resources.file.heading')}</h2>
      {file && (
        <p>
          <a href={path}>
            <bdi>{file.file_name}</bdi>
          </a>{' '}
          ({t('resources.file.size', { size: Math.ceil(file.size / 1024) })})
        </p>
      )}
      <form method="post" action={path} enctype="multipart/form-data">
        <CsrfInput token={csrf} />
        <FieldFrame id="f-file" label={t(file ? 'resources.file.replace' : 'resources.file.label')} hint={t('resources.file.hint')} error={error}>
          <input id="f-file" name="file" type="file" accept="application/pdf" aria-describedby={describedBy('f-file', t('resources.file.hint'), error)} />
        </FieldFrame>
        <button type="submit" class="button--secondary">
          {t('resources.file.upload')}
        </button>
      </form>
    </section>
  );
};

/** What the contributing form shows: a new resource, or a draft of one. */
export interface ResourceSubmitProps {
  submission?: Submission;
  values: FormValues;
  errors?: FieldErrors;
  file?: ResourceFileInfo;
  csrf: string;
  requestKey?: string;
  notice?: string;
}

/**
 * GET /resources/submit and /resources/submissions/{id}: proposing a resource for the library —
 * its metadata and links, saved as a draft (then a PDF can be attached) or sent to the editors,
 * who review it as they review practices.
 */
export const ResourceSubmitPage: FC<ResourceSubmitProps> = ({ submission, values, errors, file, csrf, requestKey, notice }) => {
  const { t } = usePage().i18n;
  const { file: fileError, ...fieldErrors } = errors ?? {};
  return (
    <Layout title={t('resources.submit.title')} noindex>
      <p>
        <a href="/resources">{t('resources.back')}</a>
      </p>
      <h1>{t('resources.submit.title')}</h1>
      <p class="lead">{t('resources.submit.lead')}</p>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      {submission?.state === 'changes_requested' && submission.decisionMessage && (
        <section class="review-box review-decision" aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t('review.decision.changes_requested')}</h2>
          <p class="review-text" dir="auto">
            {submission.decisionMessage}
          </p>
        </section>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={submission ? resourceDraftPath(submission.id) : '/resources/submit'} class="resource-form">
        <CsrfInput token={csrf} />
        {requestKey && <input type="hidden" name="request_key" value={requestKey} />}
        {submission && <input type="hidden" name="version" value={String(submission.version)} />}
        <ResourceFields values={values} errors={fieldErrors} />
        <div class="form-actions">
          <button type="submit" name="action" value="send">
            {t('resources.submit.send')}
          </button>{' '}
          <button type="submit" name="action" value="save" class="button--secondary">
            {t('resources.submit.save')}
          </button>
        </div>
      </form>
      {submission ? <FileForm submissionId={submission.id} file={file} error={fileError} csrf={csrf} /> : <p class="meta">{t('resources.submit.pdf_later')}</p>}
    </Layout>
  );
};

/** GET /resources/{slug}/edit: an editor changing a published resource's metadata and links. */
export const ResourceEditPage: FC<{ resource: ListedResource; values: FormValues; version: number; errors?: FieldErrors; csrf: string }> = ({
  resource,
  values,
  version,
  errors,
  csrf,
}) => {
  const { t } = usePage().i18n;
  const path = `/resources/${encodeURIComponent(resource.slug)}`;
  return (
    <Layout title={t('resources.edit.title', { title: resource.title })} noindex>
      <p>
        <a href={path}>{t('resources.edit.back')}</a>
      </p>
      <h1>{t('resources.edit.title', { title: resource.title })}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${path}/edit`} class="resource-form">
        <CsrfInput token={csrf} />
        <input type="hidden" name="version" value={String(version)} />
        <ResourceFields values={values} errors={errors} />
        <div class="form-actions">
          <button type="submit">{t('resources.edit.save')}</button>
        </div>
      </form>
    </Layout>
  );
};
