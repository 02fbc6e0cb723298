import type { FC } from 'hono/jsx';
import { framework } from '../../framework/framework.ts';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary, Field, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';

/** How far a dimension of the draft is answered. */
export interface DimensionProgress {
  code: string;
  answered: number;
  total: number;
}

/** What the page of a city's self-assessment in progress shows. */
export interface AssessmentEditProps {
  city: { country: string; slug: string; name: string };
  /** The open draft, undefined before the first is opened. */
  draft?: { version: number; progress: DimensionProgress[] };
  /** The date of the city's latest snapshot, when there is one. */
  lastPublished?: Date;
  csrf: string;
  errors?: FieldErrors;
  notice?: string;
  /** The peer cities chosen, as typed in the form ("nl/utrecht be/mechelen"). */
  peers: string;
}

/** The address of the draft's pages of a city. */
export const editPath = (city: { country: string; slug: string }) => `/cities/${city.country.toLowerCase()}/${encodeURIComponent(city.slug)}/assessment/edit`;

/**
 * GET /cities/{country}/{slug}/assessment/edit: a representative's overview of the city's
 * self-assessment — the dimensions with how much of each is answered (each a page of its own),
 * the running coverage, and publishing; or the button that opens the first draft.
 */
export const AssessmentEditPage: FC<AssessmentEditProps> = ({ city, draft, lastPublished, csrf, errors, notice, peers }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const base = editPath(city);
  const answered = draft?.progress.reduce((n, d) => n + d.answered, 0) ?? 0;
  const total = draft?.progress.reduce((n, d) => n + d.total, 0) ?? 0;
  return (
    <Layout title={t('sa.edit.title', { city: city.name })} canonical={base}>
      <p>
        <a href={`/cities/${city.country.toLowerCase()}/${encodeURIComponent(city.slug)}`}>{t('sa.edit.back', { city: city.name })}</a>
      </p>
      <h1>{t('sa.edit.title', { city: city.name })}</h1>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      <ErrorSummary errors={errors} />
      <p class="lead">{t('sa.edit.lead', { questions: framework.dimensions.reduce((n, d) => n + d.questions.length, 0), version: framework.version })}</p>
      <p>
        <a href="/self-assessment">{t('sa.edit.framework_link')}</a>
      </p>
      {lastPublished && <p>{t('sa.edit.last_published', { date: i18n.date(lastPublished) })}</p>}
      {!draft ? (
        <form method="post" action={base}>
          <CsrfInput token={csrf} />
          <p>{t(lastPublished ? 'sa.edit.start_again_hint' : 'sa.edit.start_hint')}</p>
          <button type="submit">{t(lastPublished ? 'sa.edit.start_again' : 'sa.edit.start')}</button>
        </form>
      ) : (
        <>
          <p>
            <strong>{t('sa.edit.coverage', { answered, total, percent: total ? Math.round((answered / total) * 100) : 0 })}</strong>
          </p>
          <ol class="assessment-dimensions">
            {draft.progress.map((d) => (
              <li>
                <a href={`${base}/${d.code}`}>{t(`sa.dimension.${d.code}`)}</a> — {t('sa.edit.dimension_progress', { answered: d.answered, total: d.total })}
              </li>
            ))}
          </ol>
          <h2 id="publish">{t('sa.edit.publish.heading')}</h2>
          <p>{t('sa.edit.publish.hint')}</p>
          <form method="post" action={base.replace(/\/edit$/, '/publish')}>
            <CsrfInput token={csrf} />
            <input type="hidden" name="version" value={String(draft.version)} />
            <fieldset class={errors?.visibility ? 'form-field form-field--error' : 'form-field'}>
              <legend id="f-visibility">{t('sa.edit.publish.visibility')}</legend>
              <ul class="radio-list">
                <li>
                  <input type="radio" id="f-visibility-public" name="visibility" value="public" checked />
                  <label for="f-visibility-public">{t('sa.edit.publish.public')}</label>
                </li>
                <li>
                  <input type="radio" id="f-visibility-private" name="visibility" value="private" />
                  <label for="f-visibility-private">{t('sa.edit.publish.private')}</label>
                </li>
              </ul>
            </fieldset>
            <button type="submit">{t('sa.edit.publish.submit')}</button>
          </form>
        </>
      )}
      <h2 id="peers">{t('sa.edit.peers.heading')}</h2>
      <form method="post" action={base.replace(/\/edit$/, '/peers')}>
        <CsrfInput token={csrf} />
        <Field name="peers" label={t('sa.edit.peers.label')} hint={t('sa.edit.peers.hint')} value={peers} errors={errors} maxlength={2000} />
        <button type="submit" class="button--secondary">
          {t('sa.edit.peers.submit')}
        </button>
      </form>
    </Layout>
  );
};
