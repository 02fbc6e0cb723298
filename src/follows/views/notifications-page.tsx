import type { FC } from 'hono/jsx';
import { CsrfInput } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { NotificationItem } from '../notification.repo.ts';
import { followTargetName } from './follow-target-name.ts';

/**
 * GET /notifications: what happened in what the reader follows, newest first, unread ones
 * marked; each opens through /notifications/{id}, which marks it read.
 */
export const NotificationsPage: FC<{ items: NotificationItem[]; page: number; more: boolean; unread: number; csrf: string }> = ({
  items,
  page,
  more,
  unread,
  csrf,
}) => {
  const { t, date } = usePage().i18n;
  return (
    <Layout title={t('follows.notifications.title')} noindex>
      <h1>{t('follows.notifications.title')}</h1>
      <p>{t('follows.notifications.unread', { count: unread })}</p>
      {unread > 0 && (
        <form method="post" action="/notifications/read">
          <CsrfInput token={csrf} />
          <button type="submit" class="button--secondary">
            {t('follows.notifications.mark_all')}
          </button>
        </form>
      )}
      {items.length === 0 ? (
        <p>
          {t('follows.notifications.none')} <a href="/account/follows">{t('follows.page.title')}</a>
        </p>
      ) : (
        <ol class="notification-list">
          {items.map((n) => {
            const at = n.reason.indexOf(':');
            const because = followTargetName(t, n.reason.slice(0, at), n.reason.slice(at + 1), n.reasonLabel);
            return (
              <li class={n.readAt ? 'notification' : 'notification notification--unread'}>
                <p class="notification__what">
                  {!n.readAt && <span class="notification__new">{t('follows.notifications.new')} </span>}
                  <span class="meta">{t(`follows.kind_of.${n.activity.kind}`)}</span> <a href={`/notifications/${n.id}`}>{n.activity.title}</a>
                </p>
                <p class="meta">
                  <time datetime={n.activity.createdAt.toISOString()}>
                    {date(n.activity.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                  </time>
                  {' · '}
                  {t(`follows.because.${n.reason.slice(0, at)}`, { name: because })}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <nav class="pager" aria-label={t('follows.notifications.pages')}>
        {page > 1 && <a href={`/notifications?page=${page - 1}`}>{t('follows.notifications.newer')}</a>}
        {more && <a href={`/notifications?page=${page + 1}`}>{t('follows.notifications.older')}</a>}
      </nav>
    </Layout>
  );
};
