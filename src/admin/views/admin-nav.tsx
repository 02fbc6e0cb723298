import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';

/** The admin pages, in the order the navigation lists them. */
const adminPages = [
  { path: '/admin/users', title: 'admin.users.title' },
  { path: '/admin/audit', title: 'admin.audit.title' },
  { path: '/admin/import', title: 'admin.import.title' },
  { path: '/admin/tags', title: 'admin.tags.title' },
  { path: '/admin/harvest', title: 'admin.harvest.title' },
] as const;

/** Links between the admin pages; the current one is marked for screen readers and sighted readers alike. */
export const AdminNav: FC<{ current: (typeof adminPages)[number]['path'] }> = ({ current }) => {
  const { t } = usePage().i18n;
  return (
    <nav class="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {adminPages.map((p) => (
          <li>
            <a href={p.path} aria-current={p.path === current ? 'page' : undefined}>
              {t(p.title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
