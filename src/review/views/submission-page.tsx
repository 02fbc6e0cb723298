import type { FC } from 'hono/jsx';
import { practiceHref } from '../../practices/views/practice-links.ts';
import { canMove, isEditableBySubmitter } from '../../submissions/submission-state.ts';
import { checkPath, resourceDraftPath, translatePath, withdrawPath } from '../../submissions/submit-paths.ts';
import { ErrorSummary, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { PublishProblem } from '../published-record.ts';
import type { SubmissionView } from '../review.service.ts';
import { AssignForm, EditorActions, type FailedDecision, PublishProblems } from './editor-actions.tsx';
import { LicenseConsentNote, ResubmissionChanges } from './resubmission-changes.tsx';
import { SubmissionContent } from './submission-content.tsx';
import { kindKey } from './submission-labels.ts';
import { CommentForm, SubmissionThread } from './submission-thread.tsx';

/** Props of /submissions/{id}: what is shown, to whom, and the outcome of the last post. */
export interface SubmissionPageProps {
  view: SubmissionView;
  viewer: { userId: number; editor: boolean; csrf: string };
  /** Message key of a confirmation after a successful post. */
  notice?: string;
  /** Message key of a refusal of the whole page's action (someone acted first). */
  error?: string;
  comment?: { value?: string; error?: string };
  failed?: FailedDecision;
  problems?: PublishProblem[];
}

/** A date of the submission's life, or a dash when it has not happened. */
const When: FC<{ at: Date | null }> = ({ at }) => {
  const { i18n } = usePage();
  if (!at) return <>—</>;
  const d = new Date(at);
  return <time datetime={d.toISOString()}>{i18n.date(d, { dateStyle: 'medium', timeStyle: 'short' })}</time>;
};

/** Kind, state, dates and the people involved. */
const SubmissionFacts: FC<{ view: SubmissionView; editor: boolean }> = ({ view, editor }) => {
  const { t } = usePage().i18n;
  const s = view.submission;
  return (
    <dl class="review-fields review-facts">
      <dt>{t('review.submission.kind')}</dt>
      <dd>{t(kindKey(s))}</dd>
      <dt>{t('review.submission.state')}</dt>
      <dd>
        <span class={`review-state review-state--${s.state}`}>{t(`submissions.state.${s.state}`)}</span>
      </dd>
      <dt>{t('review.submission.created')}</dt>
      <dd>
        <When at={s.createdAt} />
      </dd>
      <dt>{t('review.submission.sent')}</dt>
      <dd>
        <When at={s.submittedAt} />
      </dd>
      <dt>{t('review.submission.changed')}</dt>
      <dd>
        <When at={s.updatedAt} />
      </dd>
      <dt>{t('review.submission.submitter')}</dt>
      <dd>
        <bdi>{s.submitterName}</bdi>
        {editor && view.submitterOrganization && (
          <>
            {' — '}
            <bdi>{view.submitterOrganization}</bdi>
          </>
        )}
      </dd>
      <dt>{t('review.submission.assignee')}</dt>
      <dd>{s.assigneeName ? <bdi>{s.assigneeName}</bdi> : t('review.nobody')}</dd>
      {view.resourceSlug && (
        <>
          <dt>{t('resources.submission.published')}</dt>
          <dd>
            <a href={`/resources/${encodeURIComponent(view.resourceSlug)}`}>{t('resources.submission.view')}</a>
          </dd>
        </>
      )}
      {s.state === 'published' && s.practiceId && (
        <>
          <dt>{t('review.submission.practice')}</dt>
          <dd>
            <a href={practiceHref(s.practiceId, s.translationLanguage ?? undefined)}>{t('review.submission.view_practice')}</a>
          </dd>
        </>
      )}
    </dl>
  );
};

/** The editor's last word to the submitter: the changes asked for, or why it was not accepted. */
const Decision: FC<{ view: SubmissionView }> = ({ view }) => {
  const { t } = usePage().i18n;
  const s = view.submission;
  if (!s.decisionMessage || (s.state !== 'changes_requested' && s.state !== 'rejected')) return null;
  return (
    <section class="review-box review-decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t(`review.decision.${s.state}`)}</h2>
      <p class="review-text" dir="auto">
        {s.decisionMessage}
      </p>
    </section>
  );
};

/** The submitter's ways on: continue editing while the draft is theirs to change, or withdraw it. */
const SubmitterLinks: FC<{ submission: SubmissionView['submission'] }> = ({ submission: s }) => {
  const { t } = usePage().i18n;
  const edit = !isEditableBySubmitter(s.state)
    ? undefined
    : s.kind === 'resource'
      ? resourceDraftPath(s.id)
      : s.kind === 'translation'
        ? s.practiceId && translatePath(s.practiceId, s.translationLanguage ?? undefined)
        : checkPath(s.id);
  const withdraw = canMove('submitter', s.state, 'withdrawn');
  if (!edit && !withdraw) return null;
  return (
    <ul class="review-links">
      {edit && (
        <li>
          <a class="button" href={edit}>
            {t('review.continue')}
          </a>
        </li>
      )}
      {withdraw && (
        <li>
          <a href={withdrawPath(s.id)}>{t('review.withdraw')}</a>
        </li>
      )}
    </ul>
  );
};

/** /submissions/{id}: a submission read back, its state and private conversation, and the editor's decisions. */
export const SubmissionPage: FC<SubmissionPageProps> = ({ view, viewer, notice, error, comment, failed, problems }) => {
  const { t } = usePage().i18n;
  const s = view.submission;
  const title = s.title || t('submissions.untitled');
  const own = s.submitterId === viewer.userId;
  const summaryErrors = comment?.error ? { body: comment.error } : failed?.errors;
  const summaryPrefix = comment?.error ? 'comment' : failed?.form;
  return (
    <Layout title={title} noindex>
      <div class="review-page">
        {viewer.editor && (
          <p class="review-back">
            <a href="/review">{t('review.back_to_queue')}</a>
          </p>
        )}
        <h1>
          <bdi>{title}</bdi>
        </h1>
        <p class="review-subtitle">
          {t('review.submission.number', { id: String(s.id) })} · {t(kindKey(s))}
        </p>
        {notice && <Notice kind="success">{t(notice)}</Notice>}
        {error && (
          <div class="form-errors" role="alert">
            <p>{t(error, { state: t(`submissions.state.${s.state}`) })}</p>
          </div>
        )}
        {problems?.length ? <PublishProblems problems={problems} /> : null}
        <ErrorSummary errors={summaryErrors} idPrefix={summaryPrefix} />
        <SubmissionFacts view={view} editor={viewer.editor} />
        {viewer.editor && <AssignForm submission={s} viewerId={viewer.userId} csrf={viewer.csrf} />}
        <Decision view={view} />
        {own && <SubmitterLinks submission={s} />}
        <LicenseConsentNote submission={s} />
        <ResubmissionChanges view={view} />
        <SubmissionContent submission={s} related={view.related} resourceFile={view.resourceFile} />
        <SubmissionThread events={view.events} submitterId={s.submitterId} />
        <CommentForm id={s.id} csrf={viewer.csrf} value={comment?.value} error={comment?.error} />
        {viewer.editor && <EditorActions submission={s} csrf={viewer.csrf} failed={failed} />}
      </div>
    </Layout>
  );
};
