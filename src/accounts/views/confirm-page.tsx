import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { CsrfInput } from './form-parts.tsx';

/**
 * /signup/confirm?token=…: a button, not an automatic confirmation, because mail scanners open
 * links on their own and a GET must not use up the single-use token.
 */
export const ConfirmPage: FC<{ token: string; csrf: string }> = ({ token, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('accounts.confirm.title')} noindex>
      <div class="account-form-page">
        <h1>{t('accounts.confirm.title')}</h1>
        <p>{t('accounts.confirm.intro')}</p>
        <form method="post" action="/signup/confirm" class="account-form">
          <CsrfInput token={csrf} />
          <input type="hidden" name="token" value={token} />
          <button type="submit">{t('accounts.confirm.submit')}</button>
        </form>
      </div>
    </Layout>
  );
};
