import { stringify } from 'csv-stringify/sync';
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { cursorPage } from '../http/api-page.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { apiRouter, nameIdCursor, readCursor } from '../http/openapi.ts';
import { renderPage } from '../http/render.tsx';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { readStrictQuery } from '../http/strict-query.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { firstValue } from '../shared/form-values.ts';
import { peopleOfOrganization } from './membership.repo.ts';
import { membershipRoutes, organizationNotices } from './membership.routes.tsx';
import { organizationQuery } from './organization.query.ts';
import { findOrganization, listOrganizations, organizationCountries, practicesOfOrganization } from './organization.repo.ts';
import { toApiOrganization } from './organization-api.present.ts';
import { getOrganizationRoute, listOrganizationsRoute } from './organization-api.schema.ts';
import { loadOrganizationPage } from './organization-page.data.ts';
import { verifyOrganization } from './verify-organization.command.ts';
import { OrganizationListPage } from './views/organization-list-page.tsx';
import { OrganizationPage } from './views/organization-page.tsx';

/** More organisations than the directory holds for a long while: the CSV export's bound. */
const maxOrganizationsInExport = 50_000;

/**
 * The directory of organisations: GET /organizations (searched and filtered), GET
 * /organizations/{slug} (with the practices naming it), POST /organizations/{slug}/verify
 * (editors), and as open data GET /api/v1/organizations, GET /api/v1/organizations/{slug} and
 * GET /organizations/export.csv.
 */
export function organizationRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  // An OpenAPI router, so that the API's operations reach the document (see http/openapi.ts).
  const app = apiRouter();
  const query = (url: string) => readStrictQuery(organizationQuery, new URL(url).searchParams);

  app.get('/organizations', async (c) => {
    const q = query(c.req.url);
    const [{ items, total }, countries] = await Promise.all([listOrganizations(db, q, (q.page - 1) * q.page_size, q.page_size), organizationCountries(db)]);
    return renderPage(c, <OrganizationListPage items={items} total={total} query={q} countries={countries} />);
  });

  app.get('/organizations/export.csv', async (c) => {
    const q = query(c.req.url);
    const { items } = await listOrganizations(db, q, 0, maxOrganizationsInExport);
    const rows = items.map((o) => {
      const a = toApiOrganization(o, config.publicUrl);
      return { ...a, languages: a.languages.join(' '), themes: a.themes.join(' ') };
    });
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="organizations.csv"');
    c.header('cache-control', 'public, max-age=60');
    const columns = [
      'slug',
      'name',
      'acronym',
      'type',
      'city',
      'country',
      'region',
      'website',
      'languages',
      'themes',
      'founded',
      'verified',
      'practices',
      'url',
    ];
    return c.body(stringify(rows, { bom: true, header: true, escape_formulas: true, columns, cast: { boolean: (b) => (b ? 'yes' : 'no') } }));
  });

  app.get('/organizations/:slug', async (c) => {
    const org = await findOrganization(db, c.req.param('slug'));
    if (!org) throw notFound(`no organisation "${c.req.param('slug')}"`);
    const data = await loadOrganizationPage(db, org, c.get('account'), c.get('i18n').locale);
    // A signed-in reader's page holds their forms (and a notice of what they just did): never kept or shared.
    if (data.reader) return privatePage(c, <OrganizationPage {...data} notice={organizationNotices[c.req.query('done') ?? '']} />);
    return renderPage(c, <OrganizationPage {...data} />);
  });

  app.post('/organizations/:slug/verify', role('editor', 'admin'), async (c) => {
    const account = signedInAccount(c);
    const slug = c.req.param('slug');
    const values = await postedForm(c);
    const verified = z.enum(['yes', 'no']).safeParse(firstValue(values.verified));
    if (!verified.success) throw badRequest('verified must be "yes" or "no"', [{ path: 'verified', message: 'must be "yes" or "no"' }]);
    await verifyOrganization(db, slug, verified.data === 'yes', {
      userId: account.userId,
      role: account.role,
      ip: clientAddress(c, config.TRUST_PROXY),
    });
    return seeOther(c, `/organizations/${encodeURIComponent(slug)}?done=verified`);
  });

  const api = apiRouter();
  api.use('*', cors({ origin: '*', allowMethods: ['GET'] }));
  api.openapi(listOrganizationsRoute, async (c) => {
    const q = c.req.valid('query');
    const after = readCursor(q.cursor, nameIdCursor);
    // One more than the page, to know whether there is a next one; a cursor starts after its item.
    const { items, total } = await listOrganizations(db, q, after ? 0 : (q.page - 1) * q.page_size, q.page_size + 1, after);
    const page = cursorPage(
      c.req.url,
      config.publicUrl,
      q,
      total,
      items,
      (o) => [o.name, o.id],
      (o) => toApiOrganization(o, config.publicUrl),
    );
    return c.json(page, 200);
  });
  api.openapi(getOrganizationRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const org = await findOrganization(db, slug);
    if (!org) throw notFound(`no organisation "${slug}"`);
    const [practices, people] = await Promise.all([practicesOfOrganization(db, org, 'en'), peopleOfOrganization(db, org.id)]);
    return c.json(
      {
        ...toApiOrganization({ ...org, practices: practices.length }, config.publicUrl),
        description: org.description,
        // People who chose a public profile only; the others are counted.
        members: people.count,
        people: people.listed.map((p) => ({ slug: p.slug, name: p.name, url: `${config.publicUrl}/people/${encodeURIComponent(p.slug)}` })),
        practice_list: practices.map((p) => ({
          id: p.id,
          role: p.role,
          url: `${config.publicUrl}/practices/${encodeURIComponent(p.id)}`,
          api: `${config.publicUrl}/api/v1/practices/${encodeURIComponent(p.id)}`,
        })),
      },
      200,
    );
  });
  app.route('/', api);
  app.route('/', membershipRoutes({ db, config }));
  return app;
}
