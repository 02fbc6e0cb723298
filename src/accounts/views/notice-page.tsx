import type { Child, FC } from 'hono/jsx';
import { FormPage } from '../../views/form-page.tsx';
import { usePage } from '../../views/page-context.ts';

/** A one-message page ("check your email", "this link has expired") with a way on. */
export const NoticePage: FC<{ title: string; body: string; link?: { href: string; label: string }; children?: Child }> = ({ title, body, link, children }) => {
  const { t } = usePage().i18n;
  return (
    <FormPage title={t(title)}>
      <p>{t(body)}</p>
      {children}
      {link && (
        <p>
          <a href={link.href}>{t(link.label)}</a>
        </p>
      )}
    </FormPage>
  );
};
