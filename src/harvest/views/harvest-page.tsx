import type { FC } from 'hono/jsx';
import { AdminNav } from '../../admin/views/admin-nav.tsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { HarvestSourceWithRun } from '../harvest.repo.ts';
import { harvestFormats, harvestSchedules } from '../harvest.schema.ts';
import type { HarvestReport } from '../harvest-report.ts';

/** What the page shows: the sources, a notice after a change, and a refused form with its input. */
export interface HarvestPageProps {
  sources: HarvestSourceWithRun[];
  csrf: string;
  done?: 'added' | 'saved' | 'queued';
  refused?: { id?: string; values: Record<string, string>; errors: FieldErrors };
}

/** The settings of one source (a new one when `id` is absent). */
const SourceFields: FC<{ id?: string; values: Record<string, string>; errors?: FieldErrors; csrf: string }> = ({ id, values, errors, csrf }) => {
  const { t } = usePage().i18n;
  const p = `h-${id ?? 'new'}`;
  return (
    <form method="post" action={id ? `/admin/harvest/${id}` : '/admin/harvest'} class="account-form">
      <CsrfInput token={csrf} />
      <p>
        <label for={`${p}-url`}>{t('admin.harvest.url')}</label>
        <input id={`${p}-url`} name="url" type="url" value={values.url ?? ''} required maxlength={2000} aria-invalid={errors?.url ? 'true' : undefined} />
      </p>
      <p>
        <label for={`${p}-format`}>{t('admin.harvest.format')}</label>
        <select id={`${p}-format`} name="format">
          {harvestFormats.map((f) => (
            <option value={f} selected={values.format === f}>
              {t(`admin.harvest.format.${f}`)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for={`${p}-set`}>{t('admin.harvest.set')}</label>
        <input id={`${p}-set`} name="set" value={values.set ?? ''} maxlength={200} />
      </p>
      <p>
        <label for={`${p}-schedule`}>{t('admin.harvest.schedule')}</label>
        <select id={`${p}-schedule`} name="schedule">
          {harvestSchedules.map((s) => (
            <option value={s} selected={values.schedule === s}>
              {t(`admin.harvest.schedule.${s}`)}
            </option>
          ))}
        </select>
      </p>
      <p class="form-check">
        <input type="checkbox" id={`${p}-enabled`} name="enabled" checked={values.enabled === 'on'} />
        <label for={`${p}-enabled`}>{t('admin.harvest.enabled')}</label>
      </p>
      <button type="submit">{t(id ? 'admin.harvest.save' : 'admin.harvest.add')}</button>
    </form>
  );
};

/** The latest run's counts and errors. */
const RunReport: FC<{ report: HarvestReport; at: Date }> = ({ report, at }) => {
  const { t, date } = usePage().i18n;
  return (
    <div>
      <p>
        {t('admin.harvest.last_run', { date: date(at) })}{' '}
        {report.ok
          ? t('admin.harvest.counts', {
              fetched: report.fetched,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
              deleted: report.deleted,
              errors: report.errors.length,
            })
          : t('admin.harvest.failed')}
      </p>
      {(report.errors.length > 0 || report.notes.length > 0) && (
        <ul>
          {report.errors.slice(0, 50).map((e) => (
            <li>
              <bdi>{e.location}</bdi>: <bdi>{e.message}</bdi>
            </li>
          ))}
          {report.notes.slice(0, 20).map((n) => (
            <li>
              <bdi>{n}</bdi>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

const valuesOf = (s: HarvestSourceWithRun): Record<string, string> => ({
  url: s.url,
  format: s.format,
  set: s.set,
  schedule: s.schedule,
  enabled: s.enabled ? 'on' : '',
});

/** /admin/harvest: the sources harvested on a schedule, their last report, adding, editing and running one now. */
export const HarvestPage: FC<HarvestPageProps> = ({ sources, csrf, done, refused }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('admin.harvest.title')} noindex>
      <h1>{t('admin.harvest.title')}</h1>
      <AdminNav current="/admin/harvest" />
      {done && <Notice kind="success">{t(`admin.harvest.done.${done}`)}</Notice>}
      <p class="admin-intro">{t('admin.harvest.intro')}</p>
      <ErrorSummary errors={refused?.errors} />
      {sources.length === 0 && <p>{t('admin.harvest.empty')}</p>}
      {sources.map((s) => (
        <section class="aside-box" aria-labelledby={`source-${s.id}`}>
          <h2 id={`source-${s.id}`}>
            <bdi>{s.url}</bdi> ({t(s.enabled ? `admin.harvest.schedule.${s.schedule}` : 'admin.harvest.disabled')})
          </h2>
          {s.lastRun ? <RunReport report={s.lastRun.report as HarvestReport} at={s.lastRun.startedAt} /> : <p>{t('admin.harvest.never')}</p>}
          <SourceFields
            id={s.id}
            values={refused?.id === s.id ? refused.values : valuesOf(s)}
            errors={refused?.id === s.id ? refused.errors : undefined}
            csrf={csrf}
          />
          <form method="post" action={`/admin/harvest/${s.id}/run`}>
            <CsrfInput token={csrf} />
            <button type="submit">{t('admin.harvest.run_now')}</button>
          </form>
        </section>
      ))}
      <section class="aside-box" aria-labelledby="source-new">
        <h2 id="source-new">{t('admin.harvest.new')}</h2>
        <SourceFields
          values={refused && !refused.id ? refused.values : { format: 'exchange-json', schedule: 'daily', enabled: 'on' }}
          errors={refused && !refused.id ? refused.errors : undefined}
          csrf={csrf}
        />
      </section>
    </Layout>
  );
};
