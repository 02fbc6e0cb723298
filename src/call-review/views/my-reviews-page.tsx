import type { FC } from 'hono/jsx';
import { Notice } from '../../views/form-parts.tsx';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { listReviewerAssignments } from '../call-review.repo.ts';

/**
 * "Your reviews": the applications assigned to the reader, by call, each with what is left to
 * do (declare conflicts, score, done). Applications they declared a conflict on are gone.
 */
export const MyReviewsPage: FC<{ assignments: Awaited<ReturnType<typeof listReviewerAssignments>>; notice?: string }> = ({ assignments, notice }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('call_review.mine.title')} noindex>
      <h1>{t('call_review.mine.title')}</h1>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      {assignments.length === 0 ? (
        <p>{t('call_review.mine.none')}</p>
      ) : (
        <ul class="review-list">
          {assignments.map((a) => (
            <li>
              <a href={`/reviews/${a.id}`} dir="auto">
                {a.name || t('call_review.unnamed')}
              </a>{' '}
              <span class="meta">
                · <bdi>{a.callTitle}</bdi>
                {a.city && <> · {placeLabel(i18n, a.city, a.country ?? '')}</>} ·{' '}
                {t(a.conflict === null ? 'call_review.mine.todo_conflict' : a.state === 'submitted' ? 'call_review.mine.done' : 'call_review.mine.todo_score')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};
