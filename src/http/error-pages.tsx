import type { FC } from 'hono/jsx';
import { Layout } from '../views/layout.tsx';
import { usePage } from '../views/page-context.ts';
import type { ErrorCode } from './errors.ts';

/** The error page in the site's look: what happened, and a way on. */
export const ErrorPage: FC<{ code: ErrorCode; detail?: string }> = ({ code, detail }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t(`error.${code}.title`)} noindex>
      <div class="error-page">
        <h1>{t(`error.${code}.title`)}</h1>
        <p>{t(`error.${code}.body`, { detail: detail ?? '' })}</p>
        <ul class="error-page__links">
          <li><a href="/">{t('error.back_home')}</a></li>
          <li><a href="/practices">{t('error.search_instead')}</a></li>
        </ul>
      </div>
    </Layout>
  );
};
