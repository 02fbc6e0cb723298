import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import type { BrokenLink } from '../link-check.repo.ts';

/** Why a link is broken, in the reader's words: its HTTP status, or the checker's reason. */
export const BrokenReason: FC<{ link: BrokenLink }> = ({ link }) => {
  const { t } = usePage().i18n;
  return <>{link.httpStatus ? t('links.reason.status', { status: link.httpStatus }) : (link.reason ?? t('links.reason.unknown'))}</>;
};

/** The warning on a record's edit page: its links the last check found broken. */
export const BrokenLinksWarning: FC<{ links: BrokenLink[] }> = ({ links }) => {
  const { t, date } = usePage().i18n;
  if (links.length === 0) return null;
  return (
    <section class="notice notice--info" role="status" aria-labelledby="broken-links-heading">
      <h2 id="broken-links-heading">{t('links.warning.title', { count: links.length })}</h2>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.url} rel="nofollow noopener">
              <bdi>{l.url}</bdi>
            </a>{' '}
            (<BrokenReason link={l} />, {t('links.checked', { date: date(l.checkedAt) })})
          </li>
        ))}
      </ul>
    </section>
  );
};
