import type { FC } from 'hono/jsx';
import type { ImportSummary } from '../../practices/import/import-practices.command.ts';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, describedBy, ErrorSummary, FieldFrame } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { ImportFormOptions } from '../admin-import.schema.ts';
import { AdminNav } from './admin-nav.tsx';

/** What an import or a check found, as the page reports it. */
export interface ImportReport {
  mode: 'import' | 'check';
  source: string;
  partial: boolean;
  summary: ImportSummary;
  /** Records that passed validation (a check only). */
  valid?: number;
}

/** The one sentence that says what happened, as the command line says it. */
function outcomeOf(t: (key: string, values?: Record<string, number>) => string, report: ImportReport): string {
  const { summary } = report;
  const errors = summary.issues.length;
  if (report.mode === 'check') {
    return errors === 0 ? t('admin.import.outcome.check_ok', { count: report.valid ?? 0 }) : t('admin.import.outcome.check_errors', { count: errors });
  }
  if (!summary.written) return t(report.partial ? 'admin.import.outcome.nothing_partial' : 'admin.import.outcome.nothing', { count: errors });
  return errors === 0 ? t('admin.import.outcome.imported') : t('admin.import.outcome.partial', { count: summary.failed });
}

/** The summary counts and every problem with its JSON path (all of them, in file order). */
const ImportReportView: FC<{ report: ImportReport }> = ({ report }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { summary } = report;
  const counts: [string, number][] =
    report.mode === 'check'
      ? [
          ['admin.import.report.valid', report.valid ?? 0],
          ['admin.import.report.failed', summary.failed],
        ]
      : [
          ['admin.import.report.created', summary.created],
          ['admin.import.report.updated', summary.updated],
          ['admin.import.report.unchanged', summary.unchanged],
          ['admin.import.report.failed', summary.failed],
        ];
  const ok = summary.issues.length === 0;
  return (
    <section class="import-report" aria-labelledby="report-heading">
      <h2 id="report-heading">{t(report.mode === 'check' ? 'admin.import.report.check_heading' : 'admin.import.report.heading')}</h2>
      <p>
        {t('admin.import.report.source')}{' '}
        <bdi>
          <code>{report.source}</code>
        </bdi>
      </p>
      <div class={ok ? 'notice notice--success' : 'form-errors'} role={ok ? 'status' : 'alert'}>
        <p>{outcomeOf(t, report)}</p>
      </div>
      <dl class="import-counts">
        {counts.map(([key, n]) => (
          <div>
            <dt>{t(key)}</dt>
            <dd data-count={key.split('.').pop()}>{i18n.number(n)}</dd>
          </div>
        ))}
      </dl>
      {!ok && (
        <>
          <h3>{t('admin.import.issues', { count: summary.issues.length })}</h3>
          {/* Paths and messages come from the validator, in English like the file's field names. */}
          <ol class="import-issues" dir="ltr" lang="en">
            {summary.issues.map((issue) => (
              <li>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
};

/** One import option, as a checkbox. */
const OptionCheck: FC<{ name: string; checked?: boolean; label: string }> = ({ name, checked, label }) => (
  <div class="form-check">
    <input type="checkbox" id={`f-${name}`} name={name} checked={checked} />
    <label for={`f-${name}`}>{label}</label>
  </div>
);

/** /admin/import: upload or paste an exchange file, check or import it, and read the report. */
export const ImportPage: FC<{
  csrf: string;
  maxBytes: number;
  options?: ImportFormOptions;
  /** Pasted JSON to show again (after a problem). */
  pasted?: string;
  errors?: FieldErrors;
  report?: ImportReport;
}> = ({ csrf, maxBytes, options, pasted, errors, report }) => {
  const { t } = usePage().i18n;
  const fileHint = t('admin.import.file.hint', { max: Math.round(maxBytes / 1024 / 1024) });
  return (
    <Layout title={t('admin.import.title')} noindex>
      <h1>{t('admin.import.title')}</h1>
      <AdminNav current="/admin/import" />
      {report && <ImportReportView report={report} />}
      <p class="admin-intro">{t('admin.import.intro')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/import" enctype="multipart/form-data" class="account-form import-form">
        <CsrfInput token={csrf} />
        <FieldFrame id="f-file" label={t('admin.import.file')} hint={fileHint} error={errors?.file}>
          <input
            id="f-file"
            name="file"
            type="file"
            accept="application/json,.json"
            aria-invalid={errors?.file ? 'true' : undefined}
            aria-describedby={describedBy('f-file', fileHint, errors?.file)}
          />
        </FieldFrame>
        <FieldFrame id="f-json" label={t('admin.import.text')} error={errors?.json}>
          <textarea
            id="f-json"
            name="json"
            rows={8}
            dir="ltr"
            spellcheck={false}
            aria-invalid={errors?.json ? 'true' : undefined}
            aria-describedby={describedBy('f-json', undefined, errors?.json)}
          >
            {pasted ?? ''}
          </textarea>
        </FieldFrame>
        <OptionCheck name="partial" checked={options?.partial} label={t('admin.import.partial')} />
        <OptionCheck name="check_only" checked={options?.checkOnly} label={t('admin.import.check_only')} />
        <button type="submit">{t('admin.import.submit')}</button>
      </form>
    </Layout>
  );
};
