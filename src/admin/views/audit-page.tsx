import type { FC } from 'hono/jsx';
import { type AuditRow, auditActions } from '../../audit/audit.repo.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { ColumnHeads } from '../../views/table-parts.tsx';
import { AdminFilterSelect } from './admin-filter-select.tsx';
import { AdminNav } from './admin-nav.tsx';
import { AdminPager } from './admin-pager.tsx';

/** The filters as typed (kept on the page after an error). */
export interface AuditFilterValues {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** /admin/audit: the audit log, newest first, filtered; read-only (no form changes anything). */
export const AuditPage: FC<{ rows: AuditRow[]; more: boolean; page: number; values: AuditFilterValues; errors?: Record<string, string> }> = ({
  rows,
  more,
  page,
  values,
  errors,
}) => {
  const { t, date } = usePage().i18n;
  return (
    <Layout title={t('admin.audit.title')} noindex>
      <h1>{t('admin.audit.title')}</h1>
      <AdminNav current="/admin/audit" />
      {errors && (
        <div class="form-errors" role="alert">
          <ul>
            {Object.values(errors).map((key) => (
              <li>{t(key)}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="get" action="/admin/audit" class="admin-filters">
        <AdminFilterSelect name="action" label={t('admin.audit.action')} value={values.action} codes={auditActions} labelPrefix="admin.action" />
        <label for="actor">{t('admin.audit.actor')}</label>
        <input id="actor" name="actor" type="email" dir="ltr" value={values.actor ?? ''} maxlength={254} />
        <label for="from">{t('admin.audit.from')}</label>
        <input id="from" name="from" type="date" value={values.from ?? ''} aria-invalid={errors?.from ? 'true' : undefined} />
        <label for="to">{t('admin.audit.to')}</label>
        <input id="to" name="to" type="date" value={values.to ?? ''} aria-invalid={errors?.to ? 'true' : undefined} />
        <button type="submit">{t('admin.filter.apply')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('admin.audit.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <ColumnHeads keys={['admin.audit.at', 'admin.audit.action', 'admin.audit.actor', 'admin.audit.target', 'admin.audit.ip', 'admin.audit.details']} />
            <tbody>
              {rows.map((r) => (
                <tr data-action={r.action}>
                  <td>{date(r.at, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  <td>{t(`admin.action.${r.action}`)}</td>
                  <td dir="ltr">{r.actorEmail ?? (r.actorUserId === null ? t('admin.audit.system') : `#${r.actorUserId}`)}</td>
                  <td dir="ltr">{r.target ?? ''}</td>
                  <td dir="ltr">{r.ip ?? ''}</td>
                  <td dir="ltr">
                    <code>{Object.keys(r.details).length ? JSON.stringify(r.details) : ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminPager path="/admin/audit" query={{ ...values }} page={page} more={more} />
    </Layout>
  );
};
