import type { FC } from 'hono/jsx';
import { locales } from '../../i18n/i18n.ts';
import type { OwnMembership } from '../../organizations/membership.repo.ts';
import { YourOrganizations } from '../../organizations/views/your-organizations.tsx';
import { NewPasswordField } from '../../security/views/credential-fields.tsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CheckboxField, CsrfInput, ErrorSummary, Field, FieldFrame, Notice, TextAreaField } from '../../views/form-parts.tsx';
import { autonym } from '../../views/language-switcher.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import type { User } from '../user.repo.ts';
import { CountrySelect } from './country-select.tsx';

/** Profile values as the form shows them: the stored ones, or what was just typed. */
export interface ProfileValues {
  name: string;
  organization: string;
  city: string;
  country: string;
  languages: string;
  expertise: string[];
  profile_public: boolean;
  job_title: string;
  bio: string;
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
    job_title: user.job_title ?? '',
    bio: user.bio ?? '',
    locale: user.locale,
  };
}

type Errors = { errors?: FieldErrors };

/** The country as a list to choose from, with its message after a failed submit. */
const CountryField: FC<{ value: string } & Errors> = ({ value, errors }) => {
  const { t } = usePage().i18n;
  return (
    <FieldFrame id="f-country" label={t('accounts.field.country')} error={errors?.country}>
      <CountrySelect id="f-country" name="country" value={value} describedBy={errors?.country ? 'f-country-error' : undefined} />
    </FieldFrame>
  );
};

/** The themes a person knows about, as checkboxes. */
const ExpertiseField: FC<{ values: string[] } & Errors> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <fieldset class={errors?.expertise ? 'form-field form-field--error checkbox-grid' : 'form-field checkbox-grid'}>
      <legend id="f-expertise">{t('accounts.field.expertise')}</legend>
      {errors?.expertise && <p class="form-field__error">{t(errors.expertise)}</p>}
      <ul>
        {themes.map((th) => (
          <li>
            <input type="checkbox" id={`f-expertise-${th}`} name="expertise" value={th} checked={values.includes(th)} />
            <label for={`f-expertise-${th}`}>{t(`theme.${th}`)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
};

/** The interface language, each named in itself. */
const LocaleField: FC<{ value: string }> = ({ value }) => {
  const { t } = usePage().i18n;
  return (
    <div class="form-field">
      <label for="f-locale">{t('accounts.field.locale')}</label>
      <p class="form-field__hint" id="f-locale-hint">
        {t('accounts.field.locale.hint')}
      </p>
      <select id="f-locale" name="locale" aria-describedby="f-locale-hint">
        {locales.map((l) => (
          <option value={l} lang={l} selected={l === value}>
            {autonym(l)}
          </option>
        ))}
      </select>
    </div>
  );
};

/** Where the person's public profile is, while it is public; or that nothing of them is public. */
const PublicProfileStatus: FC<{ user: User }> = ({ user }) => {
  const { t } = usePage().i18n;
  if (!user.profile_public || !user.profile_slug) return <p class="form-field__hint">{t('accounts.profile.private')}</p>;
  return (
    <p class="profile-link">
      {t('accounts.profile.public_at')}{' '}
      <a href={`/people/${encodeURIComponent(user.profile_slug)}`}>
        <bdi>/people/{user.profile_slug}</bdi>
      </a>
    </p>
  );
};

/** The profile form: who the person is, what they know about, and whether others may see it. */
const ProfileSection: FC<{ user: User; values: ProfileValues; csrf: string } & Errors> = ({ user, values, errors, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('accounts.profile.title')}</h2>
      <PublicProfileStatus user={user} />
      <ErrorSummary errors={errors} />
      <form method="post" action="/account" class="account-form">
        <CsrfInput token={csrf} />
        <Field name="name" label={t('accounts.field.name')} value={values.name} errors={errors} autocomplete="name" required maxlength={100} />
        <Field
          name="organization"
          label={t('accounts.field.organization')}
          value={values.organization}
          errors={errors}
          autocomplete="organization"
          maxlength={200}
        />
        <Field
          name="job_title"
          label={t('accounts.field.job_title')}
          value={values.job_title}
          errors={errors}
          autocomplete="organization-title"
          maxlength={150}
        />
        <Field name="city" label={t('accounts.field.city')} value={values.city} errors={errors} autocomplete="address-level2" maxlength={100} />
        <CountryField value={values.country} errors={errors} />
        <Field
          name="languages"
          label={t('accounts.field.languages')}
          hint={t('accounts.field.languages.hint')}
          value={values.languages}
          errors={errors}
          maxlength={300}
        />
        <ExpertiseField values={values.expertise} errors={errors} />
        <TextAreaField
          name="bio"
          label={t('accounts.field.bio')}
          hint={t('accounts.field.bio.hint')}
          value={values.bio}
          errors={errors}
          maxlength={2000}
          rows={5}
        />
        <LocaleField value={values.locale} />
        <CheckboxField
          id="f-profile_public"
          name="profile_public"
          checked={values.profile_public}
          label={t('accounts.field.public')}
          hint={t('accounts.field.public.hint')}
        />
        <button type="submit">{t('accounts.profile.submit')}</button>
      </form>
    </section>
  );
};

/** Changing the password: the current one, then the new one. */
const PasswordSection: FC<{ csrf: string } & Errors> = ({ errors, csrf }) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('accounts.password_change.title')}</h2>
      <ErrorSummary errors={errors} idPrefix="p" />
      <form method="post" action="/account/password" class="account-form">
        <CsrfInput token={csrf} />
        <Field
          idPrefix="p"
          name="current"
          type="password"
          label={t('accounts.field.current_password')}
          errors={errors}
          autocomplete="current-password"
          required
        />
        <NewPasswordField idPrefix="p" label={t('accounts.field.new_password')} errors={errors} />
        <button type="submit">{t('accounts.password_change.submit')}</button>
      </form>
    </section>
  );
};

/** Signing out. */
const LogoutSection: FC<{ csrf: string }> = ({ csrf }) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="logout-heading">
      <h2 id="logout-heading">{t('accounts.logout.title')}</h2>
      <form method="post" action="/logout">
        <CsrfInput token={csrf} />
        <button type="submit" class="button--secondary">
          {t('accounts.logout.submit')}
        </button>
      </form>
    </section>
  );
};

/** /account: the profile form, the password form and signing out. */
export const AccountPage: FC<{
  user: User;
  values: ProfileValues;
  errors?: FieldErrors;
  passwordErrors?: FieldErrors;
  csrf: string;
  notice?: string;
  organizations?: OwnMembership[];
}> = ({ user, values, errors, passwordErrors, csrf, notice, organizations }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('accounts.account.title')} noindex>
      <div class="account-page">
        <h1>{t('accounts.account.title')}</h1>
        <p class="account-page__who">
          <bdi>{user.email}</bdi> · {t(`accounts.role.${user.role}`)}
        </p>
        {notice && <Notice kind="success">{t(notice)}</Notice>}
        <nav aria-label={t('accounts.more.label')} class="account-more">
          <ul>
            <li>
              <a href="/account/follows">{t('follows.page.title')}</a>
            </li>
            <li>
              <a href="/notifications">{t('follows.nav.notifications')}</a>
            </li>
            <li>
              <a href="/exchanges">{t('accounts.more.exchanges')}</a>
            </li>
            <li>
              <a href="/account/privacy">{t('privacy.nav')}</a>
            </li>
          </ul>
        </nav>
        <ProfileSection user={user} values={values} errors={errors} csrf={csrf} />
        {organizations && <YourOrganizations memberships={organizations} />}
        <PasswordSection errors={passwordErrors} csrf={csrf} />
        <LogoutSection csrf={csrf} />
      </div>
    </Layout>
  );
};
