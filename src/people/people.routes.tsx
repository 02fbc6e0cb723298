import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { cursorPage } from '../http/api-page.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { apiRouter, nameIdCursor, readCursor } from '../http/openapi.ts';
import { renderPage } from '../http/render.tsx';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { readStrictQuery } from '../http/strict-query.ts';
import { membershipsOfUser } from '../organizations/membership.repo.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { readFormValues } from '../shared/read-form.ts';
import { contactForm } from './contact.schema.ts';
import { countContact } from './contact-limits.ts';
import { contactPerson } from './contact-person.command.ts';
import { peopleQuery } from './people.query.ts';
import { findPublicPerson, listPeople, type PublicPerson, peopleFilterChoices } from './person.repo.ts';
import { toApiPerson } from './person-api.present.ts';
import { getPersonRoute, listPeopleRoute } from './person-api.schema.ts';
import type { ContactFormState } from './views/contact-form.tsx';
import { PeopleListPage } from './views/people-list-page.tsx';
import { PersonPage } from './views/person-page.tsx';

/**
 * Experts: GET /people (the people who chose a public profile, searched and filtered by theme,
 * country and language), GET /people/{slug} (one profile, with a contact form for signed-in
 * readers), POST /people/{slug}/contact, and as open data GET /api/v1/people and
 * GET /api/v1/people/{slug}. Everything reads the `public_profiles` view: a withdrawn, disabled or
 * deleted person is a 404 at once; no answer holds an email address.
 */
export function peopleRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  // An OpenAPI router, so that the API's operations reach the document (see http/openapi.ts).
  const app = apiRouter();
  const query = (url: string) => readStrictQuery(peopleQuery, new URL(url).searchParams);
  const person = async (slug: string) => {
    const found = await findPublicPerson(db, slug);
    if (!found) throw notFound(`no public profile "${slug}"`);
    return found;
  };
  const organizationsOf = async (p: PublicPerson) => (await membershipsOfUser(db, p.id)).filter((m) => m.state === 'approved');

  app.get('/people', async (c) => {
    const q = query(c.req.url);
    const [{ items, total }, choices] = await Promise.all([listPeople(db, q, (q.page - 1) * q.page_size, q.page_size), peopleFilterChoices(db)]);
    return renderPage(c, <PeopleListPage items={items} total={total} query={q} choices={choices} />);
  });

  app.get('/people/:slug', async (c) => {
    const p = await person(c.req.param('slug'));
    const organizations = await organizationsOf(p);
    const account = c.get('account');
    // Anonymous visitors get the page without a form (kept and shared); a signed-in reader's holds their token.
    if (!account) return renderPage(c, <PersonPage person={p} organizations={organizations} />);
    const contact: ContactFormState = { csrf: account.csrfToken, own: account.userId === p.id, sent: c.req.query('done') === 'sent' };
    return privatePage(c, <PersonPage person={p} organizations={organizations} contact={contact} />);
  });

  app.post('/people/:slug/contact', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const p = await person(c.req.param('slug'));
    const values = await postedForm(c);
    const form = readFormValues(contactForm, values, ['people.', 'form.'], 'people.contact.invalid');
    const again = async (state: Partial<ContactFormState>, status: 400 | 429) => {
      const typed = { subject: String(values.subject ?? ''), message: String(values.message ?? '') };
      const contact: ContactFormState = { csrf: account.csrfToken, own: account.userId === p.id, values: typed, ...state };
      return privatePage(c, <PersonPage person={p} organizations={await organizationsOf(p)} contact={contact} />, status);
    };
    if (!form.ok) return again({ errors: form.errors }, 400);
    const limit = await countContact(db, account.userId, `person:${p.slug}`);
    if (!limit.allowed) {
      c.header('retry-after', String(limit.retryAfterSeconds));
      return again({ retryAfterSeconds: limit.retryAfterSeconds }, 429);
    }
    await contactPerson({ db, publicUrl: config.publicUrl }, p.slug, form.data, { userId: account.userId, ip: clientAddress(c, config.TRUST_PROXY) });
    return seeOther(c, `/people/${encodeURIComponent(p.slug)}?done=sent#contact`);
  });

  const api = apiRouter();
  api.use('*', cors({ origin: '*', allowMethods: ['GET'] }));
  api.openapi(listPeopleRoute, async (c) => {
    const q = c.req.valid('query');
    const after = readCursor(q.cursor, nameIdCursor);
    // One more than the page, to know whether there is a next one; a cursor starts after its item.
    const { items, total } = await listPeople(db, q, after ? 0 : (q.page - 1) * q.page_size, q.page_size + 1, after);
    return c.json(
      cursorPage(
        c.req.url,
        config.publicUrl,
        q,
        total,
        items,
        (p) => [p.name, p.id],
        (p) => toApiPerson(p, config.publicUrl),
      ),
      200,
    );
  });
  api.openapi(getPersonRoute, async (c) => {
    const p = await person(c.req.valid('param').slug);
    const organizations = await organizationsOf(p);
    return c.json(
      {
        ...toApiPerson(p, config.publicUrl),
        organizations: organizations.map((o) => ({
          slug: o.slug,
          name: o.name,
          role: o.role,
          url: `${config.publicUrl}/organizations/${encodeURIComponent(o.slug)}`,
        })),
      },
      200,
    );
  });
  app.route('/', api);
  return app;
}
