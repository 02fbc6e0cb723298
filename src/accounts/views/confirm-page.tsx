import type { FC } from 'hono/jsx';
import { FormPage } from '../../views/form-page.tsx';
import { CsrfInput } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';

/**
 * /signup/confirm?token=…: a button, not an automatic confirmation, because mail scanners open
 * links on their own and a GET must not use up the single-use token.
 */
export const ConfirmPage: FC<{ token: string; csrf: string }> = ({ token, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <FormPage title={t('accounts.confirm.title')}>
      <p>{t('accounts.confirm.intro')}</p>
      <form method="post" action="/signup/confirm" class="account-form">
        <CsrfInput token={csrf} />
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('accounts.confirm.submit')}</button>
      </form>
    </FormPage>
  );
};
