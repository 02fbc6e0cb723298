import type { FC } from 'hono/jsx';
import type { FieldErrors, FormValues } from '../../shared/form-values.ts';
import { Field } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import { passwordLength } from '../password-policy.ts';

/** The email address a person signs in, signs up or resets a password with. */
export const EmailField: FC<{ values: FormValues; errors?: FieldErrors }> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <Field
      name="email"
      type="email"
      label={t('accounts.field.email')}
      value={values.email as string}
      errors={errors}
      autocomplete="email"
      required
      maxlength={254}
    />
  );
};

/** Email and current password, as a sign-in form asks for them. */
export const SignInFields: FC<{ values: FormValues; errors?: FieldErrors }> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <>
      <EmailField values={values} errors={errors} />
      <Field name="password" type="password" label={t('accounts.field.password')} errors={errors} autocomplete="current-password" required />
    </>
  );
};

/** A new password, with the rules it must follow said as its hint. */
export const NewPasswordField: FC<{ label: string; errors?: FieldErrors; idPrefix?: string }> = ({ label, errors, idPrefix }) => {
  const { t } = usePage().i18n;
  return (
    <Field
      idPrefix={idPrefix}
      name="password"
      type="password"
      label={label}
      hint={t('accounts.password.rules', { min: passwordLength.min })}
      errors={errors}
      autocomplete="new-password"
      required
    />
  );
};
