import type { FC } from 'hono/jsx';
import { FollowForm } from '../../views/follow-form.tsx';
import { CsrfInput } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { Follow } from '../follow.repo.ts';
import { followTargetName, followTargetPath } from './follow-target-name.ts';

/**
 * GET /account/follows: what the reader follows, each with how often they hear of it (changed
 * in place) and a way to stop; editors also say how they hear of new submissions.
 */
export const FollowsPage: FC<{ follows: Follow[]; csrf: string; editor: boolean; notice?: string }> = ({ follows, csrf, editor, notice }) => {
  const { t } = usePage().i18n;
  const review = follows.find((f) => f.kind === 'review');
  const others = follows.filter((f) => f.kind !== 'review');
  return (
    <Layout title={t('follows.page.title')} noindex>
      <h1>{t('follows.page.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {t(notice)}
        </p>
      )}
      <p>{t('follows.page.intro')}</p>
      {others.length === 0 ? (
        <p>{t('follows.page.none')}</p>
      ) : (
        <ul class="follow-list">
          {others.map((f) => {
            const name = followTargetName(t, f.kind, f.target, f.label);
            return (
              <li>
                <p class="follow-list__what">
                  <span class="meta">{t(`follows.kind.${f.kind}`)}</span> <a href={followTargetPath(f.kind, f.target)}>{name}</a>
                </p>
                {f.kind === 'review' ? null : <FollowForm kind={f.kind as 'theme'} target={f.target} label={name} back="/account/follows" />}
              </li>
            );
          })}
        </ul>
      )}
      {editor && (
        <section aria-labelledby="review-follow">
          <h2 id="review-follow">{t('follows.kind.review_queue')}</h2>
          <form method="post" action="/follows" class="follow-form__follow">
            <CsrfInput token={csrf} />
            <input type="hidden" name="kind" value="review" />
            <input type="hidden" name="target" value="queue" />
            <input type="hidden" name="back" value="/account/follows" />
            <label for="review-frequency">{t('follows.page.review_label')}</label>
            <select id="review-frequency" name="frequency">
              {(['immediate', 'daily', 'weekly', 'off'] as const).map((f) => (
                <option value={f} selected={f === (review?.frequency ?? 'immediate')}>
                  {t(`follows.frequency.${f}`)}
                </option>
              ))}
            </select>
            <button type="submit">{t('follows.form.change')}</button>
          </form>
        </section>
      )}
      <p>
        <a href="/notifications">{t('follows.nav.notifications')}</a>
      </p>
    </Layout>
  );
};
