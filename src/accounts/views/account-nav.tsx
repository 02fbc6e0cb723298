import type { FC } from 'hono/jsx';
import { tryGetContext } from 'hono/context-storage';
import { usePage } from '../../views/page-context.ts';
import { isEditor } from '../access-policy.ts';
import '../accounts-env.ts';

/**
 * The header's account links: "Sign in" for visitors; for the signed-in, submitting a practice,
 * their submissions, and their account under their name. It reads the request through Hono's
 * context storage because the layout gets no request.
 */
export const AccountNav: FC = () => {
  const { t } = usePage().i18n;
  const account = tryGetContext()?.get('account');
  if (!account) return <a href="/login" class="account-nav">{t('accounts.nav.login')}</a>;
  return (
    <ul class="account-nav__links">
      <li><a href="/submit">{t('submissions.nav.submit')}</a></li>
      <li><a href="/my/submissions">{t('submissions.nav.mine')}</a></li>
      {isEditor(account) && <li><a href="/review">{t('review.nav.queue')}</a></li>}
      {account.role === 'admin' && <li><a href="/admin/users">{t('admin.nav.admin')}</a></li>}
      <li>
        <a href="/account" class="account-nav" aria-label={t('accounts.nav.account_of', { name: account.name })}>
          <bdi>{account.name}</bdi>
        </a>
      </li>
    </ul>
  );
};
