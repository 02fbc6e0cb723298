import type { Child, FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';

/** A one-message page ("check your email", "this link has expired") with a way on. */
export const NoticePage: FC<{ title: string; body: string; link?: { href: string; label: string }; children?: Child }> = ({ title, body, link, children }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t(title)} noindex>
      <div class="account-form-page">
        <h1>{t(title)}</h1>
        <p>{t(body)}</p>
        {children}
        {link && <p><a href={link.href}>{t(link.label)}</a></p>}
      </div>
    </Layout>
  );
};
