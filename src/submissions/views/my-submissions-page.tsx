import type { FC } from 'hono/jsx';
import { languageName } from '../../practices/views/practice-translation.ts';
import { Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { OwnSubmission } from '../submission.repo.ts';
import { submissionPath } from '../submission-mails.ts';
import { displayKind, isEditableBySubmitter } from '../submission-state.ts';
import { checkPath, resourceDraftPath, stepPath, submitPath, translatePath } from '../submit-paths.ts';

/** Where "Continue" takes a submission that can still be changed. */
function continuePath(s: OwnSubmission): string {
  if (s.kind === 'translation') return translatePath(s.practiceId ?? '', s.translationLanguage ?? undefined);
  if (s.kind === 'resource') return resourceDraftPath(s.id);
  return s.state === 'changes_requested' ? checkPath(s.id) : stepPath(s.id, s.step);
}

/** One submission in the list: what it is, where it stands, the editor's word, and what to do next. */
const Item: FC<{ s: OwnSubmission }> = ({ s }) => {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const kind = displayKind(s);
  const machine = s.kind === 'translation' && s.data.machine === true;
  const showMessage = (s.state === 'changes_requested' || s.state === 'rejected') && s.decisionMessage;
  return (
    <li class="submission-item">
      <h2 class="submission-item__title" id={`submission-${s.id}`} dir="auto">
        {s.title ? <bdi lang={s.language ?? s.translationLanguage ?? undefined}>{s.title}</bdi> : t('submissions.untitled')}
      </h2>
      <p class="card__meta">
        {t(`submissions.kind.${kind}`)} · <span class={`submission-state submission-state--${s.state}`}>{t(`submissions.state.${s.state}`)}</span> ·{' '}
        {t('submissions.my.changed', { date: i18n.date(s.updatedAt, { dateStyle: 'medium' }) })}
      </p>
      {kind === 'adaptation' && s.practiceTitle && (
        <p>
          {t('submissions.my.adapts')} <bdi>{s.practiceTitle}</bdi>
        </p>
      )}
      {kind === 'translation' && (
        <p>
          {t('submissions.my.translates', { language: languageName(s.translationLanguage ?? '', locale, { inSentence: true }) })}{' '}
          <bdi>{s.practiceTitle ?? s.practiceId}</bdi>
          {' · '}
          {t(machine ? 'submissions.translate.mark.machine' : 'submissions.translate.mark.human')}
        </p>
      )}
      {showMessage && (
        <div class="submission-item__message">
          <p>{t('submissions.my.editor_message')}</p>
          <p class="submission-message" dir="auto">
            {s.decisionMessage}
          </p>
        </div>
      )}
      <ul class="submission-item__links">
        {isEditableBySubmitter(s.state) && (
          <li>
            <a href={continuePath(s)} aria-describedby={`submission-${s.id}`}>
              {t(s.state === 'changes_requested' ? 'submissions.my.revise' : 'submissions.my.continue')}
            </a>
          </li>
        )}
        <li>
          <a href={submissionPath(s.id)} aria-describedby={`submission-${s.id}`}>
            {t('submissions.my.view')}
          </a>
        </li>
      </ul>
    </li>
  );
};

/** /my/submissions: the person's drafts and submissions, newest change first, or how to start. */
export const MySubmissionsPage: FC<{ items: OwnSubmission[]; notice?: string }> = ({ items, notice }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('submissions.my.title')} noindex>
      <div class="my-submissions">
        <h1>{t('submissions.my.title')}</h1>
        {notice && <Notice kind="success">{t(notice)}</Notice>}
        {items.length ? (
          <>
            <p>
              <a class="button" href={submitPath}>
                {t('submissions.submit.title')}
              </a>
            </p>
            <ul class="submission-list">
              {items.map((s) => (
                <Item s={s} />
              ))}
            </ul>
          </>
        ) : (
          <div class="my-submissions__empty">
            <p>{t('submissions.my.empty')}</p>
            <p>{t('submissions.my.empty_how')}</p>
            <p>
              <a class="button" href={submitPath}>
                {t('submissions.submit.title')}
              </a>
            </p>
          </div>
        )}
      </div>
    </Layout>
  );
};
