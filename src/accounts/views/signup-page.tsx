import type { FC } from 'hono/jsx';
import { passwordLength } from '../../security/password-policy.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { FieldErrors, FormValues } from '../account.schema.ts';
import { CsrfInput, ErrorSummary, Field } from './form-parts.tsx';

/** /signup: name, email and a password, with the rules said up front. */
export const SignupPage: FC<{ values?: FormValues; errors?: FieldErrors; csrf: string }> = ({ values = {}, errors, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('accounts.signup.title')} noindex>
      <div class="account-form-page">
        <h1>{t('accounts.signup.title')}</h1>
        <p>{t('accounts.signup.intro')}</p>
        <ErrorSummary errors={errors} />
        <form method="post" action="/signup" class="account-form">
          <CsrfInput token={csrf} />
          <Field name="name" label={t('accounts.field.name')} value={values.name as string} errors={errors} autocomplete="name" required maxlength={100} />
          <Field name="email" type="email" label={t('accounts.field.email')} value={values.email as string} errors={errors} autocomplete="email" required maxlength={254} />
          <Field
            name="password"
            type="password"
            label={t('accounts.field.password')}
            hint={t('accounts.password.rules', { min: passwordLength.min })}
            errors={errors}
            autocomplete="new-password"
            required
          />
          <button type="submit">{t('accounts.signup.submit')}</button>
        </form>
        <p>{t('accounts.signup.have_account')} <a href="/login">{t('accounts.login.title')}</a></p>
      </div>
    </Layout>
  );
};
