import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, TextAreaField } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import type { ManagedMember, OrganizationPeople } from '../membership.repo.ts';
import { maxJoinNote } from '../membership.schema.ts';
import type { ReaderMembership } from '../organization-page.data.ts';

/** What was typed in the join form, shown again with its message after a refused submit. */
export interface JoinFormValues {
  note: string;
  errors?: FieldErrors;
}

/**
 * "People": the members who chose a public profile, linked to it; the others only counted.
 */
export const OrganizationPeopleSection: FC<{ people: OrganizationPeople }> = ({ people }) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="org-people">
      <h2 id="org-people">{t('org.members.people')}</h2>
      <p>{t('org.members.count', { count: people.count })}</p>
      {people.listed.length > 0 && (
        <ul class="person-links">
          {people.listed.map((p) => (
            <li>
              <a href={`/people/${encodeURIComponent(p.slug)}`}>
                <bdi>{p.name}</bdi>
              </a>
              {p.jobTitle && (
                <span class="meta">
                  {' '}
                  · <bdi>{p.jobTitle}</bdi>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

/** The reader's own place: a sign-in link, the join form, the pending request, or membership, each with its way out. */
export const OwnMembership: FC<{ path: string; reader?: ReaderMembership; join?: JoinFormValues }> = ({ path, reader, join }) => {
  const { t } = usePage().i18n;
  if (!reader)
    return (
      <p>
        <a href={`/login?next=${encodeURIComponent(path)}`}>{t('org.members.sign_in_to_join')}</a>
      </p>
    );
  const { place, csrf } = reader;
  if (!place)
    return (
      <form method="post" action={`${path}/join`} class="account-form">
        <h3>{t('org.members.join.title')}</h3>
        <CsrfInput token={csrf} />
        <TextAreaField
          name="note"
          label={t('org.members.join.note')}
          hint={t('org.members.join.note.hint')}
          value={join?.note ?? ''}
          errors={join?.errors}
          maxlength={maxJoinNote}
          rows={3}
        />
        <button type="submit">{t('org.members.join.submit')}</button>
      </form>
    );
  const state = place.state === 'requested' ? t('org.members.you.requested') : t('org.members.you.member', { role: place.role });
  return (
    <form method="post" action={`${path}/leave`} class="inline-form">
      <p>{state}</p>
      <CsrfInput token={csrf} />
      <button type="submit" class="button--secondary">
        {t(place.state === 'requested' ? 'org.members.withdraw' : 'org.members.leave')}
      </button>
    </form>
  );
};

/** One member or request with the forms an admin uses on it. */
const ManagedRow: FC<{ path: string; m: ManagedMember; csrf: string }> = ({ path, m, csrf }) => {
  const { t, date } = usePage().i18n;
  const action = (verb: string) => `${path}/members/${m.userId}/${verb}`;
  if (m.state === 'requested')
    return (
      <li class="member-row">
        <p>
          <strong>
            <bdi>{m.name}</bdi>
          </strong>{' '}
          <span class="meta">· {t('org.members.requested_on', { date: date(m.requestedAt, { dateStyle: 'medium' }) })}</span>
        </p>
        {m.note && (
          <p class="member-row__note" dir="auto">
            {m.note}
          </p>
        )}
        <div class="member-row__actions">
          <form method="post" action={action('approve')} class="inline-form">
            <CsrfInput token={csrf} />
            <label for={`role-${m.userId}`}>{t('org.members.approve_as')}</label>{' '}
            <select id={`role-${m.userId}`} name="role">
              <option value="member">{t('org.members.role.member')}</option>
              <option value="admin">{t('org.members.role.admin')}</option>
            </select>{' '}
            <button type="submit">{t('org.members.approve')}</button>
          </form>
          <form method="post" action={action('decline')} class="inline-form">
            <CsrfInput token={csrf} />
            <button type="submit" class="button--secondary" aria-label={t('org.members.decline_of', { name: m.name })}>
              {t('org.members.decline')}
            </button>
          </form>
        </div>
      </li>
    );
  const other = m.role === 'admin' ? 'member' : 'admin';
  return (
    <li class="member-row">
      <p>
        <strong>
          <bdi>{m.name}</bdi>
        </strong>{' '}
        <span class="meta">· {t(`org.members.role.${m.role}`)}</span>
      </p>
      <div class="member-row__actions">
        <form method="post" action={action('role')} class="inline-form">
          <CsrfInput token={csrf} />
          <input type="hidden" name="role" value={other} />
          <button type="submit" class="button--secondary" aria-label={t(`org.members.make_${other}_of`, { name: m.name })}>
            {t(`org.members.make_${other}`)}
          </button>
        </form>
        <form method="post" action={action('remove')} class="inline-form">
          <CsrfInput token={csrf} />
          <button type="submit" class="button--secondary" aria-label={t('org.members.remove_of', { name: m.name })}>
            {t('org.members.remove')}
          </button>
        </form>
      </div>
    </li>
  );
};

/** For the organisation's admins and the site's editors: the requests to decide, then the members. */
export const ManageMembers: FC<{ path: string; managed: NonNullable<ReaderMembership['managed']>; csrf: string }> = ({ path, managed, csrf }) => {
  const { t } = usePage().i18n;
  const requests = managed.members.filter((m) => m.state === 'requested');
  const members = managed.members.filter((m) => m.state === 'approved');
  return (
    <section aria-labelledby="org-manage" class="member-admin">
      <h2 id="org-manage">{t('org.members.manage.title')}</h2>
      {managed.admins === 0 && <p class="notice notice--quiet">{t('org.members.no_admin')}</p>}
      <h3>{t('org.members.requests', { count: requests.length })}</h3>
      {requests.length === 0 ? (
        <p>{t('org.members.requests.none')}</p>
      ) : (
        <ul class="member-list">
          {requests.map((m) => (
            <ManagedRow path={path} m={m} csrf={csrf} />
          ))}
        </ul>
      )}
      <h3>{t('org.members.members', { count: members.length })}</h3>
      {members.length > 0 && (
        <ul class="member-list">
          {members.map((m) => (
            <ManagedRow path={path} m={m} csrf={csrf} />
          ))}
        </ul>
      )}
    </section>
  );
};
