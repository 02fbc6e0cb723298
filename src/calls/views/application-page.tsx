import type { FC } from 'hono/jsx';
import { CsrfInput, Notice } from '../../views/form-parts.tsx';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { ApplicationRow, StoredFile } from '../application.repo.ts';
import { pagesOf } from '../application-form.ts';
import type { CallRow } from '../call.repo.ts';
import { callPhase, zonedWhen } from '../call-dates.ts';
import type { Question } from '../call-form.schema.ts';
import { CallWhen, LocalTimeScript } from './call-when.tsx';

/** What the read-back page shows: the application, its files and co-editors, and what the viewer may do. */
export interface ApplicationPageProps {
  call: CallRow;
  application: ApplicationRow;
  files: StoredFile[];
  editors: string[];
  now: Date;
  /** The viewer's form token when they may edit (applicant or co-editor). */
  csrf?: string;
  /** The viewer started it (may add co-editors). */
  owner: boolean;
  notice?: string;
  /** Why the last submission was refused. */
  refusal?: { reason: 'late' } | { reason: 'missing'; missing: Question[] };
  editorError?: string;
}

/**
 * GET /calls/{slug}/applications/{id}: the application read back — who applies, each answer by
 * page with a link to change it, the files; submit (with consent to be named if selected) and
 * withdraw before the deadline; co-editors from the same organisation.
 */
export const ApplicationPage: FC<ApplicationPageProps> = (p) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { call, application: a } = p;
  const base = `/calls/${call.slug}/applications/${a.id}`;
  const open = callPhase(call, p.now) === 'open';
  const files = new Map(p.files.map((f) => [f.question, f]));
  const pages = pagesOf(call.questions);
  return (
    <Layout title={t('calls.application.title', { title: call.title })} noindex>
      <p>
        <a href="/my/applications">{t('calls.my.link')}</a>
      </p>
      {p.notice && <Notice kind="success">{t(p.notice)}</Notice>}
      <h1 dir="auto">{t('calls.application.title', { title: call.title })}</h1>
      <p>
        <strong>{t(`calls.state.${a.state}`)}</strong> · {t('calls.fact.closes')} <CallWhen at={call.closes_at} zone={call.time_zone} />
      </p>
      {p.refusal?.reason === 'late' && (
        <div class="form-error-summary" role="alert">
          <p>{t('calls.submit.late', { when: zonedWhen(i18n.locale, call.closes_at, call.time_zone) })}</p>
        </div>
      )}
      {p.refusal?.reason === 'missing' && (
        <div class="form-error-summary" role="alert">
          <p>{t('calls.submit.missing')}</p>
          <ul>
            {p.refusal.missing.map((q) => (
              <li dir="auto">{q.label}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>{t('calls.application.who')}</h2>
      <p>
        <bdi>{a.name}</bdi> · {t(`calls.identity.kind.${a.applicantKind}`)}
        {a.country && ` · ${placeLabel(i18n, a.city, a.country)}`}
        {a.organizationName && (
          <>
            {' · '}
            <bdi>{a.organizationName}</bdi>
          </>
        )}
      </p>
      {pages.map((questions, n) => (
        <section aria-labelledby={`page-${n + 1}`}>
          <h2 id={`page-${n + 1}`}>
            {t('calls.step.title', { step: n + 1, steps: pages.length })}
            {p.csrf && a.state === 'draft' && open && (
              <>
                {' '}
                <a href={`${base}/step/${n + 1}`} class="meta">
                  {t('calls.application.change')}
                </a>
              </>
            )}
          </h2>
          <dl>
            {questions.map((q) => {
              const answer = a.answers[q.key];
              const file = files.get(q.key);
              return (
                <>
                  <dt dir="auto">{q.label}</dt>
                  <dd dir="auto">
                    {q.kind === 'file' ? file ? <a href={`${base}/files/${q.key}`}>{file.fileName}</a> : '—' : [answer ?? ''].flat().join(', ') || '—'}
                  </dd>
                </>
              );
            })}
          </dl>
        </section>
      ))}
      {p.csrf && a.state === 'draft' && open && (
        <form method="post" action={`${base}/submit`}>
          <CsrfInput token={p.csrf} />
          <div class="form-check">
            <input type="checkbox" id="f-consent_public" name="consent_public" />
            <label for="f-consent_public">{t('calls.submit.consent')}</label>
          </div>
          <button type="submit">{t('calls.submit.button')}</button>
        </form>
      )}
      {p.csrf && a.state !== 'withdrawn' && open && (
        <form method="post" action={`${base}/withdraw`} class="inline-form">
          <CsrfInput token={p.csrf} />
          <button type="submit" class="button--secondary">
            {t('calls.withdraw.button')}
          </button>
        </form>
      )}
      {a.organizationId && (
        <section aria-labelledby="editors">
          <h2 id="editors">{t('calls.editors.title')}</h2>
          {p.editors.length ? (
            <ul>
              {p.editors.map((n) => (
                <li>
                  <bdi>{n}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('calls.editors.none')}</p>
          )}
          {p.owner && p.csrf && a.state === 'draft' && (
            <form method="post" action={`${base}/editors`} novalidate>
              <CsrfInput token={p.csrf} />
              <div class={p.editorError ? 'form-field form-field--error' : 'form-field'}>
                <label for="f-email">{t('calls.editors.email')}</label>
                {p.editorError && (
                  <p class="form-field__error" id="f-email-error">
                    {t(p.editorError)}
                  </p>
                )}
                <input id="f-email" name="email" type="email" maxlength={320} aria-describedby={p.editorError ? 'f-email-error' : undefined} />
              </div>
              <button type="submit">{t('calls.editors.add')}</button>
            </form>
          )}
        </section>
      )}
      <LocalTimeScript />
    </Layout>
  );
};

/** GET /my/applications: the person's applications, drafts to resume and submitted ones. */
export const MyApplicationsPage: FC<{
  items: { id: number | string; name: string; state: string; slug: string; title: string; closes_at: Date; time_zone: string }[];
}> = ({ items }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('calls.my.title')} noindex>
      <h1>{t('calls.my.title')}</h1>
      {items.length === 0 ? (
        <p>
          {t('calls.my.none')} <a href="/calls">{t('calls.list.title')}</a>
        </p>
      ) : (
        <ul class="org-list">
          {items.map((a) => (
            <li class="org-card">
              <h2 class="org-card__name">
                <a href={`/calls/${a.slug}/applications/${a.id}`} dir="auto">
                  {a.title}
                </a>
              </h2>
              <p class="meta">
                <bdi>{a.name}</bdi> · {t(`calls.state.${a.state}`)} · {t('calls.fact.closes')} {zonedWhen(i18n.locale, a.closes_at, a.time_zone)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};
