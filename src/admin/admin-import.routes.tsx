import { Hono } from 'hono';
import type { AppDeps, AppEnv, SessionAccount } from '../http/app-env.ts';
import { privatePage } from '../http/responses.ts';
import { countFailed, validateExchange } from '../practices/import/exchange-validate.ts';
import { importPractices } from '../practices/import/import-practices.command.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { adminRoles } from '../security/roles.ts';
import { maxImportBytes, readImportForm } from './admin-import.schema.ts';
import { ImportPage, type ImportReport } from './views/import-page.tsx';

/**
 * /admin/import: admins import an exchange file from the browser (uploaded or pasted), or only
 * check it. Same semantics and report as `clearinghouse import`: the whole file is validated
 * first; on any error nothing is written unless the import is partial. Admins may publish, so
 * the records are published directly, each revision attributed to the admin.
 */
export function adminImportRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/import', role(...adminRoles), (c) => {
    const account = signedInAccount(c);
    return privatePage(c, <ImportPage csrf={account.csrfToken} maxBytes={maxImportBytes} />);
  });

  app.post('/admin/import', role(...adminRoles), async (c) => {
    const account = signedInAccount(c);
    const form = await readImportForm(await c.req.parseBody());
    if (!form.ok) {
      return privatePage(
        c,
        <ImportPage csrf={account.csrfToken} maxBytes={maxImportBytes} options={form.options} pasted={form.pasted} errors={form.errors} />,
        400,
      );
    }
    const { text, source, partial, checkOnly } = form.data;
    const report = checkOnly ? checkExchange(text, source, partial) : await runImport(account, text, source, partial, clientAddress(c, config.TRUST_PROXY));
    const refused = report.mode === 'import' && !report.summary.written;
    // Pasted JSON with problems stays in the box, to be fixed there.
    const pasted = source === 'pasted' && report.summary.issues.length > 0 ? text : undefined;
    const page = <ImportPage csrf={account.csrfToken} maxBytes={maxImportBytes} options={{ partial, checkOnly }} pasted={pasted} report={report} />;
    return privatePage(c, page, refused ? 400 : 200);
  });

  /** Imports as the admin, and records the import in the audit log when it wrote. */
  async function runImport(account: SessionAccount, text: string, source: string, partial: boolean, ip: string): Promise<ImportReport> {
    const summary = await importPractices(db, text, { partial, author: account.name, authorId: account.userId, actor: account, source, via: 'browser', ip });
    return { mode: 'import', source, partial, summary };
  }

  return app;
}

/** Validates only, writing nothing: how many records are valid, and every problem with its path. */
function checkExchange(text: string, source: string, partial: boolean): ImportReport {
  const validated = validateExchange(text);
  const summary = { created: 0, updated: 0, unchanged: 0, failed: countFailed(validated), issues: validated.issues, written: false };
  return { mode: 'check', source, partial, valid: validated.records.length, summary };
}
