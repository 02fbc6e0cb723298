import { Hono } from 'hono';
import { listAudit } from '../audit/audit.repo.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { privatePage } from '../http/responses.ts';
import { role } from '../security/guards.ts';
import { adminRoles } from '../security/roles.ts';
import { auditQuery } from './admin.schema.ts';
import { AuditPage } from './views/audit-page.tsx';

/** /admin/audit: the audit log for admins, filtered by action, actor and dates. Read-only: GET is its only route. */
export function adminAuditRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/audit', role(...adminRoles), async (c) => {
    const raw = c.req.query();
    const values = { action: raw.action, actor: raw.actor, from: raw.from, to: raw.to };
    const query = auditQuery.safeParse(raw);
    if (!query.success) {
      const errors = Object.fromEntries(query.error.issues.map((i) => [String(i.path[0]), 'admin.audit.error.date']));
      return privatePage(c, <AuditPage rows={[]} more={false} page={1} values={values} errors={errors} />, 400);
    }
    const { from, to, ...rest } = query.data;
    const filters = { ...rest, from: from ? new Date(`${from}T00:00:00Z`) : undefined, to: to ? new Date(`${to}T00:00:00Z`) : undefined };
    const { rows, more } = await listAudit(db, filters);
    return privatePage(c, <AuditPage rows={rows} more={more} page={query.data.page} values={values} />);
  });

  return app;
}
