import type { FC } from 'hono/jsx';
import { locales } from '../../i18n/i18n.ts';
import { passwordLength } from '../../security/password-policy.ts';
import { Layout } from '../../views/layout.tsx';
import { autonym } from '../../views/language-switcher.tsx';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import type { FieldErrors } from '../account.schema.ts';
import type { User } from '../user.repo.ts';
import { CountrySelect } from './country-select.tsx';
import { CsrfInput, ErrorSummary, Field, Notice } from './form-parts.tsx';

/** Profile values as the form shows them: the stored ones, or what was just typed. */
export interface ProfileValues {
  name: string;
  organization: string;
  city: string;
  country: string;
  languages: string;
  expertise: string[];
  profile_public: boolean;
  locale: string;
}

/** The stored profile in the form's shape. */
export function profileValuesOf(user: User): ProfileValues {
  return {
    name: user.name,
    organization: user.organization ?? '',
    city: user.city ?? '',
    country: user.country ?? '',
    languages: user.languages.join(', '),
    expertise: user.expertise,
    profile_public: user.profile_public,
    locale: user.locale,
  };
}

/** /account: the profile form, the password form and signing out. */
export const AccountPage: FC<{
  user: User;
  values: ProfileValues;
  errors?: FieldErrors;
  passwordErrors?: FieldErrors;
  csrf: string;
  notice?: string;
}> = ({ user, values, errors, passwordErrors, csrf, notice }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('accounts.account.title')} noindex>
      <div class="account-page">
        <h1>{t('accounts.account.title')}</h1>
        <p class="account-page__who">
          <bdi>{user.email}</bdi> · {t(`accounts.role.${user.role}`)}
        </p>
        {notice && <Notice kind="success">{t(notice)}</Notice>}

        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t('accounts.profile.title')}</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action="/account" class="account-form">
            <CsrfInput token={csrf} />
            <Field name="name" label={t('accounts.field.name')} value={values.name} errors={errors} autocomplete="name" required maxlength={100} />
            <Field name="organization" label={t('accounts.field.organization')} value={values.organization} errors={errors} autocomplete="organization" maxlength={200} />
            <Field name="city" label={t('accounts.field.city')} value={values.city} errors={errors} autocomplete="address-level2" maxlength={100} />
            <div class={errors?.country ? 'form-field form-field--error' : 'form-field'}>
              <label for="f-country">{t('accounts.field.country')}</label>
              {errors?.country && <p class="form-field__error" id="f-country-error">{t(errors.country)}</p>}
              <CountrySelect id="f-country" name="country" value={values.country} describedBy={errors?.country ? 'f-country-error' : undefined} />
            </div>
            <Field name="languages" label={t('accounts.field.languages')} hint={t('accounts.field.languages.hint')} value={values.languages} errors={errors} maxlength={300} />
            <fieldset class={errors?.expertise ? 'form-field form-field--error checkbox-grid' : 'form-field checkbox-grid'}>
              <legend id="f-expertise">{t('accounts.field.expertise')}</legend>
              {errors?.expertise && <p class="form-field__error">{t(errors.expertise)}</p>}
              <ul>
                {themes.map((th) => (
                  <li>
                    <input type="checkbox" id={`f-expertise-${th}`} name="expertise" value={th} checked={values.expertise.includes(th)} />
                    <label for={`f-expertise-${th}`}>{t(`theme.${th}`)}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div class="form-field">
              <label for="f-locale">{t('accounts.field.locale')}</label>
              <p class="form-field__hint" id="f-locale-hint">{t('accounts.field.locale.hint')}</p>
              <select id="f-locale" name="locale" aria-describedby="f-locale-hint">
                {locales.map((l) => (
                  <option value={l} lang={l} selected={l === values.locale}>{autonym(l)}</option>
                ))}
              </select>
            </div>
            <div class="form-check">
              <input type="checkbox" id="f-profile_public" name="profile_public" checked={values.profile_public} aria-describedby="f-profile_public-hint" />
              <label for="f-profile_public">{t('accounts.field.public')}</label>
              <p class="form-field__hint" id="f-profile_public-hint">{t('accounts.field.public.hint')}</p>
            </div>
            <button type="submit">{t('accounts.profile.submit')}</button>
          </form>
        </section>

        <section aria-labelledby="password-heading">
          <h2 id="password-heading">{t('accounts.password_change.title')}</h2>
          <ErrorSummary errors={passwordErrors} idPrefix="p" />
          <form method="post" action="/account/password" class="account-form">
            <CsrfInput token={csrf} />
            <Field idPrefix="p" name="current" type="password" label={t('accounts.field.current_password')} errors={passwordErrors} autocomplete="current-password" required />
            <Field
              idPrefix="p"
              name="password"
              type="password"
              label={t('accounts.field.new_password')}
              hint={t('accounts.password.rules', { min: passwordLength.min })}
              errors={passwordErrors}
              autocomplete="new-password"
              required
            />
            <button type="submit">{t('accounts.password_change.submit')}</button>
          </form>
        </section>

        <section aria-labelledby="logout-heading">
          <h2 id="logout-heading">{t('accounts.logout.title')}</h2>
          <form method="post" action="/logout">
            <CsrfInput token={csrf} />
            <button type="submit" class="button--secondary">{t('accounts.logout.submit')}</button>
          </form>
        </section>
      </div>
    </Layout>
  );
};
