import type { FC } from 'hono/jsx';
import { CsrfInput, Notice, TextAreaField } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { PageLinks } from '../../views/list-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import type { GroupPerson, ListedGroup } from '../group.repo.ts';
import { groupLimits, type ModerationQuery, reportsPerPage } from '../group.schema.ts';
import type { ReportView } from '../group-report.repo.ts';
import { AuthorName, groupName, isOwnName, PostBody, When } from './group-parts.tsx';

/** A refused form of the queue: which one, for whom, what was typed and the message. */
export interface ModerationFailure {
  form: 'hide' | 'remove';
  id: number;
  value: string;
  error: string;
}

/** What the moderation queue shows. */
export interface ModerationPageProps {
  group: ListedGroup;
  query: ModerationQuery;
  reports: { items: ReportView[]; total: number };
  openCount: number;
  people: GroupPerson[];
  csrf: string;
  /** Whether the reader may change a moderator's role or remove one (a site editor). */
  managesModerators: boolean;
  notice?: string;
  failed?: ModerationFailure;
}

/** A post button with hidden fields. */
const Button: FC<{ action: string; csrf: string; label: string; fields?: Record<string, string>; secondary?: boolean }> = ({
  action,
  csrf,
  label,
  fields = {},
  secondary,
}) => (
  <form method="post" action={action} class="inline-form">
    <CsrfInput token={csrf} />
    {Object.entries(fields).map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
    <button type="submit" class={secondary ? 'button--secondary' : undefined}>
      {label}
    </button>
  </form>
);

/** One report: the post (its text, even when hidden), where it is, who reported it and why, and the moderator's choices. */
const Report: FC<{ group: ListedGroup; r: ReportView; csrf: string; failed?: ModerationFailure }> = ({ group, r, csrf, failed }) => {
  const { t } = usePage().i18n;
  const path = `/groups/${encodeURIComponent(group.slug)}`;
  const mine = failed?.form === 'hide' && failed.id === r.postId ? failed : undefined;
  return (
    <li class="report" id={`report-${r.id}`}>
      <h3 class="report__thread">
        <a href={`${path}/threads/${r.threadId}#post-${r.postId}`} dir="auto">
          {r.threadTitle}
        </a>
      </h3>
      <p class="meta">
        {t('groups.report.post_by')} <AuthorName name={r.postAuthor} />
        {r.postHidden && (
          <>
            {' '}
            · <span class="group-tag">{t('groups.report.post_hidden')}</span>
          </>
        )}
      </p>
      <blockquote class="report__post">
        <PostBody body={r.postBody} />
      </blockquote>
      <p>
        <strong>{t('groups.report.reason_label')}</strong> <bdi>{r.reason}</bdi>
      </p>
      <p class="meta">
        {t('groups.report.by')} <AuthorName name={r.reporter} /> · <When at={r.createdAt} />
        {r.state === 'resolved' && r.resolvedAt && (
          <>
            {' '}
            · {t('groups.report.resolved_by')} <AuthorName name={r.resolver} /> · <When at={r.resolvedAt} />
          </>
        )}
      </p>
      {r.state === 'open' && (
        <div class="report__actions">
          {!r.postHidden && (
            <details class="post__action" open={!!mine}>
              <summary>{t('groups.hide.summary')}</summary>
              <form method="post" action={`${path}/posts/${r.postId}/hide`}>
                <CsrfInput token={csrf} />
                <input type="hidden" name="from" value="moderation" />
                <TextAreaField
                  name="reason"
                  idPrefix={`hide-${r.postId}`}
                  label={t('groups.hide.reason')}
                  hint={t('groups.hide.hint')}
                  value={mine ? mine.value : r.reason}
                  errors={mine ? { reason: mine.error } : undefined}
                  maxlength={groupLimits.reason}
                  rows={3}
                  required
                />
                <button type="submit">{t('groups.hide.button')}</button>
              </form>
            </details>
          )}
          <Button action={`${path}/reports/${r.id}/resolve`} csrf={csrf} label={t('groups.report.resolve')} secondary />
        </div>
      )}
    </li>
  );
};

/** The group's people: requests to approve or decline, then members with their role and removal. */
const People: FC<{ group: ListedGroup; people: GroupPerson[]; csrf: string; managesModerators: boolean; failed?: ModerationFailure }> = ({
  group,
  people,
  csrf,
  managesModerators,
  failed,
}) => {
  const { t } = usePage().i18n;
  const path = `/groups/${encodeURIComponent(group.slug)}`;
  const pending = people.filter((p) => p.state === 'pending');
  const members = people.filter((p) => p.state === 'active');
  return (
    <>
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('groups.requests.heading', { count: pending.length })}</h2>
        {pending.length === 0 ? (
          <p>{t('groups.requests.none')}</p>
        ) : (
          <ul class="people-list">
            {pending.map((p) => (
              <li>
                <AuthorName name={p.name} /> · <When at={p.since} />{' '}
                <Button action={`${path}/requests/${p.userId}/approve`} csrf={csrf} label={t('groups.requests.approve')} />{' '}
                <Button action={`${path}/requests/${p.userId}/decline`} csrf={csrf} label={t('groups.requests.decline')} secondary />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('groups.members.heading', { count: members.length })}</h2>
        <ul class="people-list">
          {members.map((p) => {
            const mayChange = p.role === 'member' || managesModerators;
            const mine = failed?.form === 'remove' && failed.id === p.userId ? failed : undefined;
            return (
              <li>
                <AuthorName name={p.name} /> · {t(`groups.role.${p.role}`)} · <When at={p.since} />
                {mayChange && (
                  <div class="report__actions">
                    <Button
                      action={`${path}/members/${p.userId}/role`}
                      csrf={csrf}
                      label={t(p.role === 'member' ? 'groups.members.make_moderator' : 'groups.members.make_member')}
                      fields={{ role: p.role === 'member' ? 'moderator' : 'member' }}
                      secondary
                    />
                    <details class="post__action" open={!!mine}>
                      <summary>{t('groups.remove.summary')}</summary>
                      <form method="post" action={`${path}/members/${p.userId}/remove`}>
                        <CsrfInput token={csrf} />
                        <TextAreaField
                          name="reason"
                          idPrefix={`remove-${p.userId}`}
                          label={t('groups.remove.reason')}
                          hint={t('groups.remove.hint')}
                          value={mine?.value}
                          errors={mine ? { reason: mine.error } : undefined}
                          maxlength={groupLimits.reason}
                          rows={2}
                          required
                        />
                        <button type="submit">{t('groups.remove.button')}</button>
                      </form>
                    </details>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
};

/**
 * GET /groups/{slug}/moderation (the group's moderators and the site's editors): reports waiting
 * (or resolved), each with the post and the choice to hide it or resolve the report; requests to
 * join; members with their role and removal.
 */
export const ModerationPage: FC<ModerationPageProps> = ({ group, query, reports, openCount, people, csrf, managesModerators, notice, failed }) => {
  const { t, locale } = usePage().i18n;
  const path = `/groups/${encodeURIComponent(group.slug)}`;
  const name = groupName(group, locale);
  const pages = Math.max(1, Math.ceil(reports.total / reportsPerPage));
  const tab = (state: 'open' | 'resolved', label: string) =>
    query.state === state ? <span aria-current="page">{label}</span> : <a href={`${path}/moderation${state === 'open' ? '' : '?state=resolved'}`}>{label}</a>;
  return (
    <Layout title={t('groups.moderation.title', { name })} noindex>
      <p>
        <a href={path} dir={isOwnName(group, locale) ? 'auto' : undefined}>
          {name}
        </a>
      </p>
      <h1>{t('groups.moderation.title', { name })}</h1>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('groups.reports.heading')}</h2>
        <nav class="pagination" aria-label={t('groups.reports.tabs')}>
          {tab('open', t('groups.reports.open', { count: openCount }))} {tab('resolved', t('groups.reports.resolved'))}
        </nav>
        {reports.items.length === 0 ? (
          <p>{t(query.state === 'open' ? 'groups.reports.none_open' : 'groups.reports.none_resolved')}</p>
        ) : (
          <ul class="report-list">
            {reports.items.map((r) => (
              <Report group={group} r={r} csrf={csrf} failed={failed} />
            ))}
          </ul>
        )}
        <PageLinks
          page={query.page}
          pages={pages}
          href={(p) =>
            `${path}/moderation?${new URLSearchParams({ ...(query.state === 'resolved' ? { state: 'resolved' } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`
          }
          label={t('groups.reports.pages')}
        />
      </section>
      <People group={group} people={people} csrf={csrf} managesModerators={managesModerators} failed={failed} />
    </Layout>
  );
};
