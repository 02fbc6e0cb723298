import type { FC } from 'hono/jsx';
import { EmailField, NewPasswordField } from '../../security/views/credential-fields.tsx';
import type { FieldErrors, FormValues } from '../../shared/form-values.ts';
import { FormPage } from '../../views/form-page.tsx';
import { CsrfInput, ErrorSummary, Field } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';

/** /signup: name, email and a password, with the rules said up front. */
export const SignupPage: FC<{ values?: FormValues; errors?: FieldErrors; csrf: string }> = ({ values = {}, errors, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <FormPage title={t('accounts.signup.title')}>
      <p>{t('accounts.signup.intro')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/signup" class="account-form">
        <CsrfInput token={csrf} />
        <Field name="name" label={t('accounts.field.name')} value={values.name as string} errors={errors} autocomplete="name" required maxlength={100} />
        <EmailField values={values} errors={errors} />
        <NewPasswordField label={t('accounts.field.password')} errors={errors} />
        <button type="submit">{t('accounts.signup.submit')}</button>
      </form>
      <p>
        {t('accounts.signup.have_account')} <a href="/login">{t('accounts.login.title')}</a>
      </p>
    </FormPage>
  );
};
