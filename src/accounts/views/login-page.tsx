import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { FieldErrors, FormValues } from '../account.schema.ts';
import { CsrfInput, ErrorSummary, Field, Notice } from './form-parts.tsx';

/** /login: email and password; `notice` names a message to show first (after a reset, a confirmation…). */
export const LoginPage: FC<{ values?: FormValues; errors?: FieldErrors; csrf: string; notice?: string; next?: string }> = ({ values = {}, errors, csrf, notice, next }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('accounts.login.title')} noindex>
      <div class="account-form-page">
        <h1>{t('accounts.login.title')}</h1>
        {notice && <Notice kind="success">{t(notice)}</Notice>}
        <ErrorSummary errors={errors} />
        <form method="post" action="/login" class="account-form">
          <CsrfInput token={csrf} />
          {next && <input type="hidden" name="next" value={next} />}
          <Field name="email" type="email" label={t('accounts.field.email')} value={values.email as string} errors={errors} autocomplete="email" required maxlength={254} />
          <Field name="password" type="password" label={t('accounts.field.password')} errors={errors} autocomplete="current-password" required />
          <button type="submit">{t('accounts.login.submit')}</button>
        </form>
        <ul class="account-links">
          <li><a href="/password/forgot">{t('accounts.login.forgot')}</a></li>
          <li>{t('accounts.login.no_account')} <a href="/signup">{t('accounts.signup.title')}</a></li>
        </ul>
      </div>
    </Layout>
  );
};
