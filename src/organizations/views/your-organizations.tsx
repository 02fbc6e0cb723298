import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import type { OwnMembership } from '../membership.repo.ts';

/**
 * "Your organisations" on /account: the organisations of the directory a person belongs to (as
 * member or admin) or asked to join, each linking to its page, where they leave or manage it.
 */
export const YourOrganizations: FC<{ memberships: OwnMembership[] }> = ({ memberships }) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="orgs-heading">
      <h2 id="orgs-heading">{t('org.members.yours.title')}</h2>
      {memberships.length === 0 ? (
        <p>
          {t('org.members.yours.none')} <a href="/organizations">{t('org.members.yours.browse')}</a>
        </p>
      ) : (
        <ul>
          {memberships.map((m) => (
            <li>
              <a href={`/organizations/${encodeURIComponent(m.slug)}`} dir="auto">
                {m.name}
              </a>{' '}
              <span class="meta">· {m.state === 'requested' ? t('org.members.yours.requested') : t(`org.members.role.${m.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
