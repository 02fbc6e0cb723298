import type { FC } from 'hono/jsx';
import { CsrfInput, ErrorSummary, Notice, TextAreaField } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { PageLinks } from '../../views/list-parts.tsx';
import { messageParts } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import type { ListedGroup } from '../group.repo.ts';
import { groupLimits, repliesPerPage } from '../group.schema.ts';
import type { PostView, ThreadView } from '../group-thread.repo.ts';
import { AuthorName, type GroupViewer, groupName, isOwnName, PostBody, When } from './group-parts.tsx';

/** A form of the page that was refused: which one (and for which post), what was typed, the message. */
export interface ThreadFailure {
  form: 'reply' | 'hide' | 'report';
  postId?: number;
  value: string;
  /** The message next to the field; none when the page says it above (too many posts). */
  error?: string;
}

/** What a thread's page shows: one page of its replies, the reader's rights, a refused form. */
export interface ThreadPageProps {
  group: ListedGroup;
  thread: ThreadView;
  replies: PostView[];
  page: number;
  viewer: GroupViewer;
  notice?: string;
  failed?: ThreadFailure;
  /** A refusal of the whole page's action (a locked thread, too many posts): shown above the reply form. */
  refusal?: string;
}

/** A moderator's on/off button for a thread (pin, lock). */
const FlagButton: FC<{ action: string; value: boolean; label: string; csrf: string }> = ({ action, value, label, csrf }) => (
  <form method="post" action={action} class="inline-form">
    <CsrfInput token={csrf} />
    <input type="hidden" name="value" value={value ? 'yes' : 'no'} />
    <button type="submit" class="button--secondary">
      {label}
    </button>
  </form>
);

/** A reason form behind a disclosure (hide a post, report it): open again, with the text, when it was refused. */
const ReasonForm: FC<{ post: PostView; kind: 'hide' | 'report'; action: string; csrf: string; failed?: ThreadFailure }> = ({
  post,
  kind,
  action,
  csrf,
  failed,
}) => {
  const { t } = usePage().i18n;
  const mine = failed?.form === kind && failed.postId === post.id ? failed : undefined;
  return (
    <details class="post__action" open={!!mine}>
      <summary>{t(`groups.${kind}.summary`)}</summary>
      <form method="post" action={action}>
        <CsrfInput token={csrf} />
        <TextAreaField
          name="reason"
          idPrefix={`${kind}-${post.id}`}
          label={t(`groups.${kind}.reason`)}
          hint={t(`groups.${kind}.hint`)}
          value={mine?.value}
          errors={mine?.error ? { reason: mine.error } : undefined}
          maxlength={groupLimits.reason}
          rows={3}
          required
        />
        <button type="submit" class="button--secondary">
          {t(`groups.${kind}.button`)}
        </button>
      </form>
    </details>
  );
};

/** One post: author and time, its text (or the moderator's reason for hiding it), and the actions the reader may take. */
const Post: FC<{ group: ListedGroup; post: PostView; viewer: GroupViewer; failed?: ThreadFailure }> = ({ group, post, viewer, failed }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const base = `/groups/${encodeURIComponent(group.slug)}/posts/${post.id}`;
  const hidden = post.hiddenReason !== null;
  const member = viewer.membership?.state === 'active';
  const [before, after] = messageParts(i18n, 'groups.post.hidden', 'reason');
  return (
    <article class={`post${hidden ? ' post--hidden' : ''}`} id={`post-${post.id}`} aria-labelledby={`post-${post.id}-by`}>
      <p class="post__meta" id={`post-${post.id}-by`}>
        <AuthorName name={post.author} /> · <When at={post.createdAt} />
      </p>
      {hidden && (
        <p class="post__hidden">
          {before}
          <bdi>{post.hiddenReason}</bdi>
          {after}
        </p>
      )}
      {(!hidden || viewer.moderator) && <PostBody body={post.body} />}
      {viewer.csrf && (
        <div class="post__actions">
          {viewer.moderator && hidden && (
            <form method="post" action={`${base}/unhide`} class="inline-form">
              <CsrfInput token={viewer.csrf} />
              <button type="submit" class="button--secondary">
                {t('groups.unhide.button')}
              </button>
            </form>
          )}
          {viewer.moderator && !hidden && <ReasonForm post={post} kind="hide" action={`${base}/hide`} csrf={viewer.csrf} failed={failed} />}
          {member && !hidden && post.authorId !== viewer.userId && (
            <ReasonForm post={post} kind="report" action={`${base}/report`} csrf={viewer.csrf} failed={failed} />
          )}
        </div>
      )}
    </article>
  );
};

/** The reply form, or why the reader cannot reply. */
const ReplyBox: FC<{ group: ListedGroup; thread: ThreadView; viewer: GroupViewer; failed?: ThreadFailure; refusal?: string }> = ({
  group,
  thread,
  viewer,
  failed,
  refusal,
}) => {
  const { t } = usePage().i18n;
  const path = `/groups/${encodeURIComponent(group.slug)}`;
  const threadPath = `${path}/threads/${thread.id}`;
  if (thread.locked) return <p class="notice notice--quiet">{t('groups.thread.locked_notice')}</p>;
  if (!viewer.csrf)
    return (
      <p>
        <a href={`/login?next=${encodeURIComponent(threadPath)}`}>{t('groups.reply.sign_in')}</a>
      </p>
    );
  if (viewer.membership?.state !== 'active')
    return (
      <p>
        {t('groups.reply.join_first')} <a href={path}>{t('groups.reply.to_group')}</a>
      </p>
    );
  const mine = failed?.form === 'reply' ? failed : undefined;
  const errors = mine?.error ? { body: mine.error } : undefined;
  return (
    <section aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t('groups.reply.heading')}</h2>
      {refusal && (
        <div class="form-errors" role="alert">
          <p>{t(refusal)}</p>
        </div>
      )}
      <ErrorSummary errors={errors} idPrefix="reply" />
      <form method="post" action={`${threadPath}/replies`} id="reply-form">
        <CsrfInput token={viewer.csrf} />
        <TextAreaField
          name="body"
          idPrefix="reply"
          label={t('groups.reply.body')}
          hint={t('groups.post.markdown_hint')}
          value={mine?.value}
          errors={errors}
          maxlength={groupLimits.body}
          rows={6}
          required
        />
        <button type="submit">{t('groups.reply.button')}</button>
      </form>
    </section>
  );
};

/**
 * GET /groups/{slug}/threads/{id}: a thread — its opening post and one page of replies, each
 * with its author ("former member" once the account is gone), hidden posts showing the
 * moderator's reason (and their text to moderators), report and hide forms, the moderators' pin
 * and lock buttons, and the reply form (members, while the thread is not locked).
 */
export const ThreadPage: FC<ThreadPageProps> = ({ group, thread, replies, page, viewer, notice, failed, refusal }) => {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const groupPath = `/groups/${encodeURIComponent(group.slug)}`;
  const threadPath = `${groupPath}/threads/${thread.id}`;
  const pages = Math.max(1, Math.ceil(thread.replies / repliesPerPage));
  const titleHidden = thread.hidden && !viewer.moderator;
  const title = titleHidden ? t('groups.thread.hidden_title') : thread.title;
  return (
    <Layout title={title} canonical={`${threadPath}${page > 1 ? `?page=${page}` : ''}`} noindex={titleHidden}>
      <p>
        <a href={groupPath} dir={isOwnName(group, locale) ? 'auto' : undefined}>
          {groupName(group, locale)}
        </a>
      </p>
      <h1 dir={titleHidden ? undefined : 'auto'}>{title}</h1>
      {(thread.pinned || thread.locked) && (
        <p class="meta">
          {thread.pinned && <span class="group-tag">{t('groups.thread.pinned')}</span>}{' '}
          {thread.locked && <span class="group-tag">{t('groups.thread.locked')}</span>}
        </p>
      )}
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      {viewer.moderator && viewer.csrf && (
        <div class="thread-tools" role="group" aria-label={t('groups.thread.tools')}>
          <FlagButton
            action={`${threadPath}/pin`}
            value={!thread.pinned}
            label={t(thread.pinned ? 'groups.thread.unpin' : 'groups.thread.pin')}
            csrf={viewer.csrf}
          />
          <FlagButton
            action={`${threadPath}/lock`}
            value={!thread.locked}
            label={t(thread.locked ? 'groups.thread.unlock' : 'groups.thread.lock')}
            csrf={viewer.csrf}
          />
        </div>
      )}
      {page === 1 && <Post group={group} post={thread.opening} viewer={viewer} failed={failed} />}
      <h2>{t('groups.replies_count', { count: thread.replies })}</h2>
      {replies.map((r) => (
        <Post group={group} post={r} viewer={viewer} failed={failed} />
      ))}
      <PageLinks page={page} pages={pages} href={(p) => `${threadPath}${p > 1 ? `?page=${p}` : ''}`} label={t('groups.replies.pages')} />
      <ReplyBox group={group} thread={thread} viewer={viewer} failed={failed} refusal={refusal} />
    </Layout>
  );
};
