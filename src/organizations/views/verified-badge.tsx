import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';

/** "Verified by the editors": an organisation an editor checked. */
export const VerifiedBadge: FC = () => {
  const { t } = usePage().i18n;
  return <strong class="badge badge--verified">{t('org.verified')}</strong>;
};
