import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { UnsubscribeScope } from '../unsubscribe-token.ts';
import { followTargetName } from './follow-target-name.ts';

/**
 * GET /unsubscribe/{token}: what the link stops, with one button (a GET never unsubscribes:
 * mail scanners open links); after the POST, that it is done and where to follow again.
 */
export const UnsubscribePage: FC<{ scope: UnsubscribeScope; token: string; label?: string; done?: boolean }> = ({ scope, token, label, done }) => {
  const { t } = usePage().i18n;
  const what =
    'digest' in scope
      ? t(`follows.unsubscribe.digest_${scope.digest}`)
      : t(`follows.because.${scope.follow.kind}`, { name: followTargetName(t, scope.follow.kind, scope.follow.target, label ?? null) });
  return (
    <Layout title={t('follows.unsubscribe.title')} noindex>
      <h1>{t('follows.unsubscribe.title')}</h1>
      {done ? (
        <>
          <p role="status">{t('follows.unsubscribe.done', { what })}</p>
          <p>
            <a href="/account/follows">{t('follows.unsubscribe.manage')}</a>
          </p>
        </>
      ) : (
        <form method="post" action={`/unsubscribe/${token}`}>
          <p>{t('follows.unsubscribe.ask', { what })}</p>
          <button type="submit">{t('follows.unsubscribe.confirm')}</button>
        </form>
      )}
    </Layout>
  );
};
