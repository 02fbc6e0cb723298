import { tryGetContext } from 'hono/context-storage';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../../http/app-env.ts';
import { isAdmin, isEditor } from '../../security/roles.ts';
import { usePage } from '../../views/page-context.ts';

/**
 * The header's account links: "Sign in" for visitors; for the signed-in, submitting a practice,
 * their submissions, their notifications (with the unread count), and their account under their name. It reads the request through Hono's
 * context storage because the layout gets no request. The app hands it to the layout (pageSettings in app.ts).
 */
export const AccountNav: FC = () => {
  const { t } = usePage().i18n;
  const context = tryGetContext<AppEnv>();
  const account = context?.get('account');
  const unread = context?.get('unreadNotifications') ?? 0;
  if (!account)
    return (
      <a href="/login" class="account-nav">
        {t('accounts.nav.login')}
      </a>
    );
  return (
    <ul class="account-nav__links">
      <li>
        <a href="/submit">{t('submissions.nav.submit')}</a>
      </li>
      <li>
        <a href="/my/submissions">{t('submissions.nav.mine')}</a>
      </li>
      {isEditor(account) && (
        <li>
          <a href="/review">{t('review.nav.queue')}</a>
        </li>
      )}
      {isAdmin(account) && (
        <li>
          <a href="/admin/users">{t('admin.nav.admin')}</a>
        </li>
      )}
      <li>
        <a href="/notifications">{t('follows.nav.notifications_count', { count: unread })}</a>
      </li>
      <li>
        <a href="/account" class="account-nav" aria-label={t('accounts.nav.account_of', { name: account.name })}>
          <bdi>{account.name}</bdi>
        </a>
      </li>
    </ul>
  );
};
