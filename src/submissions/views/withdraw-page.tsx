import type { FC } from 'hono/jsx';
import { ErrorFrame } from '../../views/error-frame.tsx';
import { FormPage } from '../../views/form-page.tsx';
import { CsrfInput } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import { submissionPath } from '../submission-mails.ts';
import { mySubmissionsPath, withdrawPath } from '../submit-paths.ts';

/** /submit/{id}/withdraw: asks once before withdrawing, since it cannot be undone. */
export const WithdrawPage: FC<{ id: number; title: string; csrf: string }> = ({ id, title, csrf }) => {
  const { t } = usePage().i18n;
  const name = title || t('submissions.untitled');
  return (
    <FormPage title={t('submissions.withdraw.title')}>
      <p>{t('submissions.withdraw.question', { title: name })}</p>
      <p>{t('submissions.withdraw.explain')}</p>
      <form method="post" action={withdrawPath(id)} class="account-form">
        <CsrfInput token={csrf} />
        <button type="submit">{t('submissions.withdraw.confirm')}</button>
      </form>
      <p>
        <a href={mySubmissionsPath()}>{t('submissions.withdraw.keep')}</a>
      </p>
    </FormPage>
  );
};

/** 409 for a change to a submission that is no longer editable (in review, published, …). */
export const ClosedPage: FC<{ id: number }> = ({ id }) => {
  const { t } = usePage().i18n;
  return (
    <ErrorFrame title={t('submissions.closed.title')} body={t('submissions.closed.body')}>
      <li>
        <a href={submissionPath(id)}>{t('submissions.closed.follow')}</a>
      </li>
      <li>
        <a href={mySubmissionsPath()}>{t('submissions.my.title')}</a>
      </li>
    </ErrorFrame>
  );
};
