import type { FC } from 'hono/jsx';
import { passwordLength } from '../../security/password-policy.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { FieldErrors, FormValues } from '../account.schema.ts';
import { CsrfInput, ErrorSummary, Field } from './form-parts.tsx';

/** /password/forgot: asks for the email the link goes to. */
export const ForgotPage: FC<{ values?: FormValues; errors?: FieldErrors; csrf: string }> = ({ values = {}, errors, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('accounts.forgot.title')} noindex>
      <div class="account-form-page">
        <h1>{t('accounts.forgot.title')}</h1>
        <p>{t('accounts.forgot.intro')}</p>
        <ErrorSummary errors={errors} />
        <form method="post" action="/password/forgot" class="account-form">
          <CsrfInput token={csrf} />
          <Field name="email" type="email" label={t('accounts.field.email')} value={values.email as string} errors={errors} autocomplete="email" required maxlength={254} />
          <button type="submit">{t('accounts.forgot.submit')}</button>
        </form>
      </div>
    </Layout>
  );
};

/** /password/reset?token=…: the new password, for a live link. */
export const ResetPage: FC<{ token: string; errors?: FieldErrors; csrf: string }> = ({ token, errors, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('accounts.reset.title')} noindex>
      <div class="account-form-page">
        <h1>{t('accounts.reset.title')}</h1>
        <ErrorSummary errors={errors} />
        <form method="post" action="/password/reset" class="account-form">
          <CsrfInput token={csrf} />
          <input type="hidden" name="token" value={token} />
          <Field
            name="password"
            type="password"
            label={t('accounts.field.new_password')}
            hint={t('accounts.password.rules', { min: passwordLength.min })}
            errors={errors}
            autocomplete="new-password"
            required
          />
          <button type="submit">{t('accounts.reset.submit')}</button>
        </form>
      </div>
    </Layout>
  );
};
