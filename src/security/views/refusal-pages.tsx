import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';

/** 403 for a form that came without a valid token or from another site: what to do now. */
export const CsrfRefusedPage: FC = () => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('accounts.csrf.title')} noindex>
      <div class="error-page">
        <h1>{t('accounts.csrf.title')}</h1>
        <p>{t('accounts.csrf.body')}</p>
        <ul class="error-page__links">
          <li><a href="/">{t('error.back_home')}</a></li>
        </ul>
      </div>
    </Layout>
  );
};

/** 429 for too many attempts: how long to wait, and that it protects the account. */
export const RateLimitedPage: FC<{ retryAfterSeconds: number }> = ({ retryAfterSeconds }) => {
  const { t } = usePage().i18n;
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return (
    <Layout title={t('accounts.rate_limited.title')} noindex>
      <div class="error-page">
        <h1>{t('accounts.rate_limited.title')}</h1>
        <p>{t('accounts.rate_limited.body', { minutes })}</p>
        <ul class="error-page__links">
          <li><a href="/password/forgot">{t('accounts.login.forgot')}</a></li>
          <li><a href="/">{t('error.back_home')}</a></li>
        </ul>
      </div>
    </Layout>
  );
};
