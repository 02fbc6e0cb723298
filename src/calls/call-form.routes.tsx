import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { consumeRate } from '../security/rate-limit.ts';
import { tooManyAttempts } from '../security/refusals.tsx';
import type { FieldErrors, FormValues } from '../shared/form-values.ts';
import { coordinatorRoles } from './call.policy.ts';
import { findCall } from './call.repo.ts';
import { callFormValues, newCallValues, readCallForm } from './call-form.schema.ts';
import { callSlugPattern } from './call-paths.ts';
import { type CallCoordinator, createCall, editCall, publishCall } from './save-call.command.ts';
import { CallFormPage } from './views/call-form-page.tsx';

/** Saves of the call form per person: plenty for a secretariat, a stop for a runaway script. */
const saveRule = { limit: 60, windowSeconds: 3600 };

/**
 * Coordinators and admins open calls: GET and POST /calls/new, GET and POST /calls/{slug}/edit
 * (drafts only), POST /calls/{slug}/publish. A refused form comes back with what was typed and a
 * message at each field (400), nothing written.
 */
export function callFormRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const coordinator = role(...coordinatorRoles);
  const actorOf = (c: Context<AppEnv>): CallCoordinator => {
    const account = signedInAccount(c);
    return { userId: account.userId, role: account.role, ip: clientAddress(c, config.TRUST_PROXY) };
  };
  const form = (c: Context<AppEnv>, values: FormValues, call?: { slug: string; title: string }, errors?: FieldErrors) =>
    privatePage(c, <CallFormPage values={values} errors={errors} csrf={signedInAccount(c).csrfToken} call={call} />, errors ? 400 : 200);
  const limited = (c: Context<AppEnv>) => consumeRate(db, `call-save:user:${signedInAccount(c).userId}`, saveRule);
  const callOf = async (c: Context<AppEnv>) => {
    const call = await findCall(db, c.req.param('slug') ?? '');
    if (!call) throw notFound(`no call "${c.req.param('slug')}"`);
    return call;
  };

  app.get('/calls/new', coordinator, (c) => form(c, newCallValues(new Date())));

  app.post('/calls/new', coordinator, async (c) => {
    const values = await postedForm(c);
    const read = readCallForm(values);
    if ('errors' in read) return form(c, values, undefined, read.errors);
    const rate = await limited(c);
    if (!rate.allowed) return tooManyAttempts(c, rate);
    const slug = await createCall(db, read.input, actorOf(c));
    return seeOther(c, `/calls/${slug}?done=created`);
  });

  app.get(`/calls/${callSlugPattern}/edit`, coordinator, async (c) => {
    const call = await callOf(c);
    if (call.state !== 'draft') return seeOther(c, `/calls/${call.slug}`);
    return form(c, callFormValues(call), call);
  });

  app.post(`/calls/${callSlugPattern}/edit`, coordinator, async (c) => {
    const call = await callOf(c);
    const values = await postedForm(c);
    const read = readCallForm(values);
    if ('errors' in read) return form(c, values, call, read.errors);
    const rate = await limited(c);
    if (!rate.allowed) return tooManyAttempts(c, rate);
    await editCall(db, call.slug, read.input, actorOf(c));
    return seeOther(c, `/calls/${call.slug}?done=saved`);
  });

  app.post(`/calls/${callSlugPattern}/publish`, coordinator, async (c) => {
    const call = await callOf(c);
    await publishCall(db, call.slug, actorOf(c));
    return seeOther(c, `/calls/${call.slug}?done=published`);
  });

  return app;
}
