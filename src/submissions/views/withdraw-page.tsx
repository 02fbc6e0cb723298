import type { FC } from 'hono/jsx';
import { CsrfInput } from '../../accounts/views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { mySubmissionsPath, withdrawPath } from '../submit-paths.ts';
import { submissionPath } from '../submission-mails.ts';

/** /submit/{id}/withdraw: asks once before withdrawing, since it cannot be undone. */
export const WithdrawPage: FC<{ id: number; title: string; csrf: string }> = ({ id, title, csrf }) => {
  const { t } = usePage().i18n;
  const name = title || t('submissions.untitled');
  return (
    <Layout title={t('submissions.withdraw.title')} noindex>
      <div class="account-form-page">
        <h1>{t('submissions.withdraw.title')}</h1>
        <p>{t('submissions.withdraw.question', { title: name })}</p>
        <p>{t('submissions.withdraw.explain')}</p>
        <form method="post" action={withdrawPath(id)} class="account-form">
          <CsrfInput token={csrf} />
          <button type="submit">{t('submissions.withdraw.confirm')}</button>
        </form>
        <p><a href={mySubmissionsPath()}>{t('submissions.withdraw.keep')}</a></p>
      </div>
    </Layout>
  );
};

/** 409 for a change to a submission that is no longer editable (in review, published, …). */
export const ClosedPage: FC<{ id: number }> = ({ id }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('submissions.closed.title')} noindex>
      <div class="error-page">
        <h1>{t('submissions.closed.title')}</h1>
        <p>{t('submissions.closed.body')}</p>
        <ul class="error-page__links">
          <li><a href={submissionPath(id)}>{t('submissions.closed.follow')}</a></li>
          <li><a href={mySubmissionsPath()}>{t('submissions.my.title')}</a></li>
        </ul>
      </div>
    </Layout>
  );
};
