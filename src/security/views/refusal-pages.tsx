import type { FC } from 'hono/jsx';
import { ErrorFrame } from '../../views/error-frame.tsx';
import { usePage } from '../../views/page-context.ts';

/** The link back to the home page every refusal ends with. */
const HomeLink: FC = () => {
  const { t } = usePage().i18n;
  return (
    <li>
      <a href="/">{t('error.back_home')}</a>
    </li>
  );
};

/** 403 for a form that came without a valid token or from another site: what to do now. */
export const CsrfRefusedPage: FC = () => {
  const { t } = usePage().i18n;
  return (
    <ErrorFrame title={t('accounts.csrf.title')} body={t('accounts.csrf.body')}>
      <HomeLink />
    </ErrorFrame>
  );
};

/** 429 for too many attempts: how long to wait, and that it protects the account. */
export const RateLimitedPage: FC<{ retryAfterSeconds: number }> = ({ retryAfterSeconds }) => {
  const { t } = usePage().i18n;
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return (
    <ErrorFrame title={t('accounts.rate_limited.title')} body={t('accounts.rate_limited.body', { minutes })}>
      <li>
        <a href="/password/forgot">{t('accounts.login.forgot')}</a>
      </li>
      <HomeLink />
    </ErrorFrame>
  );
};
