import type { FC } from 'hono/jsx';
import { EmailField, NewPasswordField } from '../../security/views/credential-fields.tsx';
import type { FieldErrors, FormValues } from '../../shared/form-values.ts';
import { FormPage } from '../../views/form-page.tsx';
import { CsrfInput, ErrorSummary } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';

/** /password/forgot: asks for the email the link goes to. */
export const ForgotPage: FC<{ values?: FormValues; errors?: FieldErrors; csrf: string }> = ({ values = {}, errors, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <FormPage title={t('accounts.forgot.title')}>
      <p>{t('accounts.forgot.intro')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/password/forgot" class="account-form">
        <CsrfInput token={csrf} />
        <EmailField values={values} errors={errors} />
        <button type="submit">{t('accounts.forgot.submit')}</button>
      </form>
    </FormPage>
  );
};

/** /password/reset?token=…: the new password, for a live link. */
export const ResetPage: FC<{ token: string; errors?: FieldErrors; csrf: string }> = ({ token, errors, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <FormPage title={t('accounts.reset.title')}>
      <ErrorSummary errors={errors} />
      <form method="post" action="/password/reset" class="account-form">
        <CsrfInput token={csrf} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordField label={t('accounts.field.new_password')} errors={errors} />
        <button type="submit">{t('accounts.reset.submit')}</button>
      </form>
    </FormPage>
  );
};
