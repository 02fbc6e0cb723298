import type { FC } from 'hono/jsx';
import type { UserFilters, UserListRow } from '../../accounts/user.repo.ts';
import type { RepresentedCity } from '../../self-assessment/representative.repo.ts';
import { CsrfInput, describedBy, FieldNotes, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { ColumnHeads } from '../../views/table-parts.tsx';
import { AdminFilterSelect } from './admin-filter-select.tsx';
import { AdminNav } from './admin-nav.tsx';
import { AdminPager } from './admin-pager.tsx';

const roleOptions = ['member', 'editor', 'admin', 'coordinator'] as const;
const stateOptions = ['active', 'disabled'] as const;

/** A refused city of one user: what was typed, and the message key shown next to the field. */
export interface CityFieldError {
  userId: number;
  value: string;
  message: string;
}

/** Props of /admin/users: one page of users and the cities each represents, the filters, and a notice or an error key. */
export interface UsersPageProps {
  rows: UserListRow[];
  total: number;
  pageSize: number;
  filters: UserFilters;
  csrf: string;
  selfId: number;
  notice?: string;
  error?: string;
  cities: Map<number, RepresentedCity[]>;
  cityError?: CityFieldError;
}

/** The cities a user represents, as links to their pages, and the form that adds or removes one. */
const UserCities: FC<{ user: UserListRow; cities: RepresentedCity[]; csrf: string; error?: CityFieldError }> = ({ user, cities, csrf, error }) => {
  const { t } = usePage().i18n;
  const id = `city-${user.id}`;
  return (
    <>
      {cities.length ? (
        <ul>
          {cities.map((city) => (
            <li>
              <a href={`/cities/${city.country.toLowerCase()}/${city.slug}`}>{city.name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('admin.representatives.none')}</p>
      )}
      <form method="post" action={`/admin/users/${user.id}/cities`} class="admin-actions">
        <CsrfInput token={csrf} />
        <label for={id} class="visually-hidden">
          {t('admin.representatives.city_for', { name: user.name })}
        </label>
        <input
          id={id}
          name="city"
          type="text"
          value={error?.value}
          placeholder="de/berlin"
          maxlength={120}
          dir="ltr"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, undefined, error?.message)}
        />
        <FieldNotes id={id} error={error?.message} />
        <button type="submit" name="intent" value="grant">
          {t('admin.representatives.grant')}
        </button>
        <button type="submit" name="intent" value="revoke">
          {t('admin.representatives.revoke')}
        </button>
      </form>
    </>
  );
};

/** The role form and the disable / enable button of one user. */
const UserActions: FC<{ user: UserListRow; csrf: string; self: boolean }> = ({ user, csrf, self }) => {
  const { t } = usePage().i18n;
  const id = `role-${user.id}`;
  return (
    <div class="admin-actions">
      <form method="post" action={`/admin/users/${user.id}/role`}>
        <CsrfInput token={csrf} />
        <label for={id} class="visually-hidden">
          {t('admin.users.role_for', { name: user.name })}
        </label>
        <select id={id} name="role">
          {roleOptions.map((r) => (
            <option value={r} selected={r === user.role}>
              {t(`admin.role.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('admin.users.change_role')}</button>
      </form>
      {!self && (
        <form method="post" action={`/admin/users/${user.id}/${user.state === 'active' ? 'disable' : 'enable'}`}>
          <CsrfInput token={csrf} />
          <button type="submit">{t(user.state === 'active' ? 'admin.users.disable' : 'admin.users.enable')}</button>
        </form>
      )}
    </div>
  );
};

/** /admin/users: search by name or email, filter by role and state, change roles, disable accounts. */
export const UsersPage: FC<UsersPageProps> = ({ rows, total, pageSize, filters, csrf, selfId, notice, error, cities, cityError }) => {
  const { t, date } = usePage().i18n;
  // A refused city of a user not on this page is shown above the list instead.
  const alert = error ?? (cityError && !rows.some((u) => u.id === cityError.userId) ? cityError.message : undefined);
  return (
    <Layout title={t('admin.users.title')} noindex>
      <h1>{t('admin.users.title')}</h1>
      <AdminNav current="/admin/users" />
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      {alert && (
        <div class="form-errors" role="alert">
          <p>{t(alert)}</p>
        </div>
      )}
      <form method="get" action="/admin/users" class="admin-filters">
        <label for="q">{t('admin.users.search')}</label>
        <input id="q" name="q" type="search" value={filters.q ?? ''} maxlength={200} />
        <AdminFilterSelect name="role" label={t('admin.users.role')} value={filters.role} codes={roleOptions} labelPrefix="admin.role" />
        <AdminFilterSelect name="state" label={t('admin.users.state')} value={filters.state} codes={stateOptions} labelPrefix="admin.state" />
        <button type="submit">{t('admin.filter.apply')}</button>
      </form>
      <p>{t('admin.users.count', { count: total })}</p>
      <div class="table-scroll">
        <table class="data-table">
          <ColumnHeads
            keys={[
              'admin.users.name',
              'admin.users.email',
              'admin.users.role',
              'admin.users.state',
              'admin.users.created',
              'admin.representatives.column',
              'admin.users.actions',
            ]}
          />
          <tbody>
            {rows.map((u) => (
              <tr>
                <td>{u.name}</td>
                <td dir="ltr">{u.email}</td>
                <td>{t(`admin.role.${u.role}`)}</td>
                <td>{t(`admin.state.${u.state}`)}</td>
                <td>{date(u.createdAt, { dateStyle: 'medium' })}</td>
                <td>
                  <UserCities user={u} cities={cities.get(u.id) ?? []} csrf={csrf} error={cityError?.userId === u.id ? cityError : undefined} />
                </td>
                <td>
                  <UserActions user={u} csrf={csrf} self={u.id === selfId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AdminPager
        path="/admin/users"
        query={{ q: filters.q, role: filters.role, state: filters.state }}
        page={filters.page}
        more={filters.page * pageSize < total}
      />
    </Layout>
  );
};
