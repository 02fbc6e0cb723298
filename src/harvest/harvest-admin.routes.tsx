import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { adminRoles } from '../security/roles.ts';
import { listSources } from './harvest.repo.ts';
import { readSourceForm, sourceIdParam } from './harvest.schema.ts';
import { addHarvestSource, editHarvestSource, type HarvestActor, runHarvestSourceNow } from './harvest-admin.command.ts';
import { HarvestPage, type HarvestPageProps } from './views/harvest-page.tsx';

const doneValues = ['added', 'saved', 'queued'] as const;

/** The form's input as the page shows it again after a refusal. */
function echo(body: Record<string, string | string[] | undefined>): Record<string, string> {
  const one = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  return { url: one('url'), format: one('format'), set: one('set'), schedule: one('schedule'), enabled: body.enabled ? 'on' : '' };
}

/**
 * /admin/harvest (admins): the harvest sources with their last report; adding, editing,
 * disabling a source, and queuing a run now (the job queue runs it, under the source's lease).
 */
export function harvestAdminRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, props: Omit<HarvestPageProps, 'sources' | 'csrf'>, status: 200 | 400 = 200) => {
    const account = signedInAccount(c);
    return privatePage(c, <HarvestPage sources={await listSources(db)} csrf={account.csrfToken} {...props} />, status);
  };

  const sourceId = (c: Context<AppEnv>) => {
    const parsed = sourceIdParam.safeParse(c.req.param('id'));
    if (!parsed.success) throw notFound('no such harvest source');
    return parsed.data;
  };

  const actor = (c: Context<AppEnv>): HarvestActor => ({ userId: signedInAccount(c).userId, ip: clientAddress(c, config.TRUST_PROXY) });

  app.get('/admin/harvest', role(...adminRoles), async (c) => {
    const done = doneValues.find((d) => d === c.req.query('done'));
    return page(c, { done });
  });

  app.post('/admin/harvest', role(...adminRoles), async (c) => {
    const body = await postedForm(c);
    const form = readSourceForm(body);
    if (!form.ok) return page(c, { refused: { values: echo(body), errors: form.errors } }, 400);
    await addHarvestSource(db, form.data, actor(c));
    return seeOther(c, '/admin/harvest?done=added');
  });

  app.post('/admin/harvest/:id', role(...adminRoles), async (c) => {
    const id = sourceId(c);
    const body = await postedForm(c);
    const form = readSourceForm(body);
    if (!form.ok) return page(c, { refused: { id, values: echo(body), errors: form.errors } }, 400);
    await editHarvestSource(db, id, form.data, actor(c));
    return seeOther(c, '/admin/harvest?done=saved');
  });

  app.post('/admin/harvest/:id/run', role(...adminRoles), async (c) => {
    const id = sourceId(c);
    await runHarvestSourceNow(db, id, actor(c));
    return seeOther(c, '/admin/harvest?done=queued');
  });

  return app;
}
