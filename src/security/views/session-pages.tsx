import type { FC } from 'hono/jsx';
import type { FieldErrors, FormValues } from '../../shared/form-values.ts';
import { FormPage } from '../../views/form-page.tsx';
import { CsrfInput, ErrorSummary } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import { type CarriedFields, carryPrefix } from '../form-carry.ts';
import { SignInFields } from './credential-fields.tsx';

/** The carried fields as hidden inputs, under their own names or with a prefix. */
const Hidden: FC<{ fields: CarriedFields; prefix?: string }> = ({ fields, prefix = '' }) => (
  <>
    {fields.map(([name, value]) => (
      <input type="hidden" name={`${prefix}${name}`} value={value} />
    ))}
  </>
);

/**
 * 403 for a long form posted after its session ended: a sign-in form that carries everything
 * that was typed (in hidden fields, nothing stored yet) and where it was going.
 */
export const SessionEndedPage: FC<{ fields: CarriedFields; next: string; csrf: string; values?: FormValues; errors?: FieldErrors }> = ({
  fields,
  next,
  csrf,
  values = {},
  errors,
}) => {
  const { t } = usePage().i18n;
  return (
    <FormPage title={t('submissions.session.ended.title')}>
      <p>{t('submissions.session.ended.body')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/login" class="account-form">
        <CsrfInput token={csrf} />
        <input type="hidden" name="next" value={next} />
        <Hidden fields={fields} prefix={carryPrefix} />
        <SignInFields values={values} errors={errors} />
        <button type="submit">{t('submissions.session.ended.submit')}</button>
      </form>
      <p>
        <a href="/password/forgot">{t('accounts.login.forgot')}</a>
      </p>
    </FormPage>
  );
};

/**
 * After signing in again (or when a form's token was out of date): one button that posts what
 * was typed, with this session's token, to where it was going. Works without JavaScript.
 */
export const ResumeFormPage: FC<{ fields: CarriedFields; next: string; csrf: string; reason: 'signed_in' | 'stale' }> = ({ fields, next, csrf, reason }) => {
  const { t } = usePage().i18n;
  return (
    <FormPage title={t(`submissions.session.${reason}.title`)}>
      <p>{t(`submissions.session.${reason}.body`)}</p>
      <form method="post" action={next} class="account-form">
        <CsrfInput token={csrf} />
        <Hidden fields={fields} />
        <button type="submit">{t('submissions.session.resume')}</button>
      </form>
    </FormPage>
  );
};
