import type { Child, FC } from 'hono/jsx';
import { CsrfInput, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { FactList, PageLinks } from '../../views/list-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import type { FollowFrequency, ListedGroup } from '../group.repo.ts';
import { followFrequencies } from '../group.repo.ts';
import { threadsPerPage } from '../group.schema.ts';
import type { ListedThread } from '../group-thread.repo.ts';
import { AuthorName, type GroupViewer, groupDescription, groupName, isOwnName, themesLine, When } from './group-parts.tsx';

/** What a group's page shows: `threads` is undefined when the reader may not read them (a moderated group). */
export interface GroupPageProps {
  group: ListedGroup;
  viewer: GroupViewer;
  threads?: { items: ListedThread[]; total: number; page: number };
  openReports?: number;
  notice?: string;
}

/** The join form: how often to hear of new posts, and the button (join, or ask to join). */
const JoinForm: FC<{ group: ListedGroup; csrf: string }> = ({ group, csrf }) => {
  const { t } = usePage().i18n;
  const path = `/groups/${encodeURIComponent(group.slug)}`;
  return (
    <form method="post" action={`${path}/join`} class="group-join">
      <CsrfInput token={csrf} />
      <div class="form-field">
        <label for="join-frequency">{t('groups.join.frequency')}</label>
        <p class="form-field__hint" id="join-frequency-hint">
          {t('groups.join.frequency_hint')}
        </p>
        <select id="join-frequency" name="frequency" aria-describedby="join-frequency-hint">
          {followFrequencies.map((f: FollowFrequency) => (
            <option value={f} selected={f === 'daily'}>
              {t(`groups.frequency.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t(group.membership === 'open' ? 'groups.join.open' : 'groups.join.moderated')}</button>
    </form>
  );
};

/** The reader's place in the group and what they can do about it. */
const MembershipBox: FC<{ group: ListedGroup; viewer: GroupViewer }> = ({ group, viewer }) => {
  const { i18n, reader } = usePage();
  const { t } = i18n;
  const path = `/groups/${encodeURIComponent(group.slug)}`;
  const m = viewer.membership;
  let body: Child;
  if (!viewer.csrf) {
    body = (
      <p>
        <a href={`/login?next=${encodeURIComponent(path)}`}>{t('groups.join.sign_in')}</a>
      </p>
    );
  } else if (!m) {
    body = (
      <>
        {group.membership === 'moderated' && <p>{t('groups.join.moderated_hint')}</p>}
        <JoinForm group={group} csrf={viewer.csrf} />
      </>
    );
  } else {
    const status = m.state === 'pending' ? 'groups.you.pending' : m.role === 'moderator' ? 'groups.you.moderator' : 'groups.you.member';
    // How often they hear is the group's follow, which /account/follows may have changed since they joined.
    const frequency = reader?.following?.get(`group:${group.slug}`) ?? m.frequency;
    const heard = frequency === 'off' ? t('follows.frequency.off') : t(`groups.frequency.${frequency}`);
    body = (
      <>
        <p>{t(status, { frequency: heard })}</p>
        <form method="post" action={`${path}/leave`} class="inline-form">
          <CsrfInput token={viewer.csrf} />
          <button type="submit" class="button--secondary">
            {t(m.state === 'pending' ? 'groups.leave.withdraw' : 'groups.leave.button')}
          </button>
        </form>
      </>
    );
  }
  return (
    <section class="group-box" aria-labelledby="membership-heading">
      <h2 id="membership-heading">{t('groups.you.heading')}</h2>
      {body}
    </section>
  );
};

/** The group's threads, pinned ones first, with their author, replies and latest post. */
const ThreadList: FC<{ group: ListedGroup; threads: NonNullable<GroupPageProps['threads']>; moderator: boolean }> = ({ group, threads, moderator }) => {
  const { t } = usePage().i18n;
  const path = `/groups/${encodeURIComponent(group.slug)}`;
  const pages = Math.max(1, Math.ceil(threads.total / threadsPerPage));
  if (threads.items.length === 0) return <p>{t('groups.threads.none')}</p>;
  return (
    <>
      <ul class="thread-list">
        {threads.items.map((th) => (
          <li class={`thread-item${th.pinned ? ' thread-item--pinned' : ''}`}>
            <h3 class="thread-item__title">
              {th.pinned && <span class="group-tag">{t('groups.thread.pinned')}</span>}{' '}
              {th.locked && <span class="group-tag">{t('groups.thread.locked')}</span>}{' '}
              <a href={`${path}/threads/${th.id}`} dir={th.hidden && !moderator ? undefined : 'auto'}>
                {th.hidden && !moderator ? t('groups.thread.hidden_title') : th.title}
              </a>
            </h3>
            <p class="meta">
              {t('groups.thread.started_by')} <AuthorName name={th.author} /> · {t('groups.replies_count', { count: th.replies })} ·{' '}
              {t('groups.thread.last_post')} <When at={th.lastPostAt} />
            </p>
          </li>
        ))}
      </ul>
      <PageLinks page={threads.page} pages={pages} href={(page) => `${path}${page > 1 ? `?page=${page}` : ''}`} label={t('groups.threads.pages')} />
    </>
  );
};

/**
 * GET /groups/{slug}: a group — its description, themes and membership kind, the reader's
 * membership (join, ask to join, leave), and its discussions (for everyone in an open group, for
 * members in a moderated one), with the way to the moderation queue for moderators.
 */
export const GroupPage: FC<GroupPageProps> = ({ group, viewer, threads, openReports, notice }) => {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const path = `/groups/${encodeURIComponent(group.slug)}`;
  const name = groupName(group, locale);
  const own = isOwnName(group, locale) ? 'auto' : undefined;
  const facts: [string, Child][] = [];
  if (group.themes.length) facts.push([t('groups.fact.themes'), themesLine(group.themes, t, locale)]);
  facts.push([t('groups.fact.membership'), t(`groups.membership.${group.membership}.long`)]);
  facts.push([t('groups.fact.members'), i18n.number(group.members)]);
  facts.push([t('groups.fact.threads'), i18n.number(group.threads)]);
  const canPost = viewer.membership?.state === 'active';
  return (
    <Layout title={name} description={groupDescription(group, locale) || t('groups.page.description', { name })} canonical={path}>
      <p>
        <a href="/groups">{t('groups.back')}</a>
      </p>
      <h1 dir={own}>{name}</h1>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      {groupDescription(group, locale) && (
        <p class="lead" dir={own}>
          {groupDescription(group, locale)}
        </p>
      )}
      <FactList facts={facts} />
      <MembershipBox group={group} viewer={viewer} />
      {viewer.moderator && (
        <p>
          <a href={`${path}/moderation`}>{t('groups.moderation.link', { count: openReports ?? 0 })}</a>
        </p>
      )}
      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading">{t('groups.threads.heading')}</h2>
        {canPost && (
          <p>
            <a href={`${path}/threads/new`} class="button">
              {t('groups.thread.new')}
            </a>
          </p>
        )}
        {threads ? <ThreadList group={group} threads={threads} moderator={viewer.moderator} /> : <p>{t('groups.threads.members_only')}</p>}
      </section>
    </Layout>
  );
};
