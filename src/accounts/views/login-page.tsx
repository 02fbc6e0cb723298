import type { FC } from 'hono/jsx';
import { SignInFields } from '../../security/views/credential-fields.tsx';
import type { FieldErrors, FormValues } from '../../shared/form-values.ts';
import { FormPage } from '../../views/form-page.tsx';
import { CsrfInput, ErrorSummary, Notice } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';

/** /login: email and password; `notice` names a message to show first (after a reset, a confirmation…). */
export const LoginPage: FC<{ values?: FormValues; errors?: FieldErrors; csrf: string; notice?: string; next?: string }> = ({
  values = {},
  errors,
  csrf,
  notice,
  next,
}) => {
  const { t } = usePage().i18n;
  return (
    <FormPage title={t('accounts.login.title')}>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      <ErrorSummary errors={errors} />
      <form method="post" action="/login" class="account-form">
        <CsrfInput token={csrf} />
        {next && <input type="hidden" name="next" value={next} />}
        <SignInFields values={values} errors={errors} />
        <button type="submit">{t('accounts.login.submit')}</button>
      </form>
      <ul class="account-links">
        <li>
          <a href="/password/forgot">{t('accounts.login.forgot')}</a>
        </li>
        <li>
          {t('accounts.login.no_account')} <a href="/signup">{t('accounts.signup.title')}</a>
        </li>
      </ul>
    </FormPage>
  );
};
