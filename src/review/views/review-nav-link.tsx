import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';

/**
 * The "Review queue" item of the account navigation, for editors and admins only (nothing for
 * anyone else), so it drops into the links list next to "My submissions".
 * @example <ul class="account-nav__links">…<ReviewNavItem />…</ul>
 */
export const ReviewNavItem: FC = () => {
  const { i18n, viewerRole } = usePage();
  if (viewerRole !== 'editor' && viewerRole !== 'admin') return null;
  return <li><a href="/review">{i18n.t('review.nav.queue')}</a></li>;
};
