import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';

/** Previous / next links of an admin list, keeping the other query parameters. */
export const AdminPager: FC<{ path: string; query: Record<string, string | undefined>; page: number; more: boolean }> = ({ path, query, page, more }) => {
  const { t } = usePage().i18n;
  if (page <= 1 && !more) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(p) }).filter((e): e is [string, string] => !!e[1]));
    return `${path}?${params}`;
  };
  return (
    <nav aria-label={t('admin.pager.label')}>
      <ul class="pagination">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t('admin.pager.previous')}
            </a>
          </li>
        )}
        <li>{t('admin.pager.page', { page })}</li>
        {more && (
          <li>
            <a href={href(page + 1)} rel="next">
              {t('admin.pager.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
};
