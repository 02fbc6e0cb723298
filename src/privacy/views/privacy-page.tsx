import type { FC } from 'hono/jsx';
import { CsrfInput, describedBy, FieldNotes } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';

/**
 * GET /account/privacy: what the platform keeps about the reader, a download of all of it, and
 * deleting the account (password asked again, consequences said before, not after).
 */
export const PrivacyPage: FC<{ csrf: string; errors?: Record<string, string>; confirmed?: boolean }> = ({ csrf, errors = {}, confirmed }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('privacy.title')} noindex>
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <section aria-labelledby="privacy-download">
        <h2 id="privacy-download">{t('privacy.download.title')}</h2>
        <p>{t('privacy.download.body')}</p>
        <p>
          <a href="/account/data.json" download="clearinghouse-my-data.json" class="button">
            {t('privacy.download.link')}
          </a>
        </p>
      </section>
      <section aria-labelledby="privacy-delete">
        <h2 id="privacy-delete">{t('privacy.delete.title')}</h2>
        <p>{t('privacy.delete.body')}</p>
        <ul>
          <li>{t('privacy.delete.gone')}</li>
          <li>{t('privacy.delete.kept')}</li>
          <li>{t('privacy.delete.final')}</li>
        </ul>
        {Object.keys(errors).length > 0 && (
          <p class="form-errors" role="alert">
            {t('privacy.delete.not_deleted')}
          </p>
        )}
        <form method="post" action="/account/delete" class="privacy-delete">
          <CsrfInput token={csrf} />
          <div class={errors.confirm ? 'form-check form-field--error' : 'form-check'}>
            <input
              type="checkbox"
              id="f-confirm"
              name="confirm"
              value="yes"
              checked={confirmed}
              aria-describedby={describedBy('f-confirm', undefined, errors.confirm)}
            />
            <label for="f-confirm">{t('privacy.delete.confirm')}</label>
            <FieldNotes id="f-confirm" error={errors.confirm} />
          </div>
          <div class={errors.password ? 'form-field form-field--error' : 'form-field'}>
            <label for="f-password">{t('privacy.delete.password')}</label>
            <FieldNotes id="f-password" error={errors.password} />
            <input
              type="password"
              id="f-password"
              name="password"
              autocomplete="current-password"
              required
              aria-describedby={describedBy('f-password', undefined, errors.password)}
            />
          </div>
          <button type="submit" class="button--danger">
            {t('privacy.delete.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
};

/** GET /account/deleted: said once the account is gone. */
export const AccountDeletedPage: FC = () => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('privacy.deleted.title')} noindex>
      <h1>{t('privacy.deleted.title')}</h1>
      <p>{t('privacy.deleted.body')}</p>
      <p>
        <a href="/">{t('privacy.deleted.home')}</a>
      </p>
    </Layout>
  );
};
