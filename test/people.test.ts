import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { runQueuedJobs } from '../src/jobs/job-worker.ts';
import { draftFromValues } from '../src/practice-form/practice-form.convert.ts';
import { importPractices } from '../src/practices/import/import-practices.command.ts';
import { AccountClient, mailHeader, signedInClient } from './support/account-client.ts';
import { type MailApp, startMailApp } from './support/mail-app.ts';
import { mainText } from './support/page-text.ts';
import { testEngines } from './support/test-db.ts';

describe.each(testEngines())('experts: public profiles and contact on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let smtp: MailApp['smtp'];
  let deps: MailApp['deps'];
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${++n}`;
  const anonymous = () => new AccountClient(app, { 'x-forwarded-for': '203.0.113.77' });
  const json = async (url: string) => (await app.request(url)).json();
  const text = async (url: string) => mainText(await (await app.request(url)).text());

  /** The profile form's fields, as a person fills them in on /account. */
  const profile = (name: string, fields: Record<string, string | string[]> = {}) => ({
    name,
    organization: '',
    job_title: '',
    city: '',
    country: '',
    languages: '',
    bio: '',
    locale: 'en',
    ...fields,
  });

  /** A signed-in person who saved their profile on /account (public when `profile_public: 'on'` is among the fields). */
  async function person(name: string, fields: Record<string, string | string[]> = {}) {
    const client = await signedInClient(app, db, 'member', name);
    const res = await client.b.submit('/account', '/account', profile(name, fields));
    expect(res.status, `${name} saves the profile`).toBe(303);
    const slug = (await db.selectFrom('users').select('profile_slug').where('id', '=', client.id).executeTakeFirstOrThrow()).profile_slug;
    return { ...client, name, slug };
  }

  beforeAll(async () => {
    ({ db, app, smtp, deps, close: drop } = await startMailApp(engine));
  });
  afterAll(() => drop());

  it('shows nothing of a person until they opt in, then their profile in the list, on its page and in the API, never their address', async () => {
    const tag = unique();
    const ana = await person(`Ana López ${tag}`, {
      organization: 'Ciudad de Barcelona',
      job_title: 'Head of the reception office',
      country: 'ES',
      city: 'Barcelona',
      languages: 'Spanish, Catalan',
      expertise: ['housing', 'reception-and-welcoming'],
      bio: `Runs the city's reception office.\n\nBefore that: ten years with NGOs.`,
    });
    expect(ana.slug).toBeNull();
    expect(await text(`/people?q=${tag}`)).toContain('No person');
    expect((await json(`/api/v1/people?q=${tag}`)).total).toBe(0);

    await ana.b.submit(
      '/account',
      '/account',
      profile(ana.name, {
        organization: 'Ciudad de Barcelona',
        job_title: 'Head of the reception office',
        country: 'ES',
        city: 'Barcelona',
        languages: 'Spanish, Catalan',
        expertise: ['housing', 'reception-and-welcoming'],
        bio: `Runs the city's reception office.\n\nBefore that: ten years with NGOs.`,
        profile_public: 'on',
      }),
    );
    const account = await ana.b.page('/account');
    const slug = /href="\/people\/([^"]+)"/.exec(account.html)?.[1];
    expect(slug).toBe(`ana-lopez-${tag}`);
    expect(mainText(account.html)).toContain(`Your public profile: /people/${slug}`);

    expect(await text(`/people?q=${tag}`)).toMatch(
      new RegExp(`1 person Ana López ${tag} Head of the reception office · Ciudad de Barcelona Barcelona, Spain Housing, Reception and welcoming`),
    );
    const page = await (await app.request(`/people/${slug}`)).text();
    expect(mainText(page)).toMatch(/Head of the reception office Organisation Ciudad de Barcelona Based in Barcelona, Spain Languages Spanish, Catalan/);
    expect(page).toContain('<p>Runs the city&#39;s reception office.</p><p>Before that: ten years with NGOs.</p>');
    expect(mainText(page)).toContain(`Sign in to contact Ana López ${tag}`);
    const api = await json(`/api/v1/people/${slug}`);
    expect(api).toMatchObject({
      slug,
      name: ana.name,
      job_title: 'Head of the reception office',
      country: 'ES',
      languages: ['Spanish', 'Catalan'],
      expertise: ['housing', 'reception-and-welcoming'],
      organizations: [],
    });
    for (const body of [page, JSON.stringify(api), JSON.stringify(await json('/api/v1/people?page_size=100')), await (await app.request('/people')).text()])
      expect(body).not.toContain(ana.email);
    // Accents folded in the search: "lopez" finds "López".
    expect((await json(`/api/v1/people?q=lopez+${tag}`)).total).toBe(1);
  });

  it('filters by theme, country, language and words, and pages the list', async () => {
    const tag = unique();
    await person(`Farah ${tag}`, { profile_public: 'on', country: 'JO', languages: 'Arabic, English', expertise: ['health'], job_title: 'Researcher' });
    await person(`Marc ${tag}`, { profile_public: 'on', country: 'FR', languages: 'french', expertise: ['housing', 'health'], bio: 'Studies tenancy law.' });
    await person(`Ola ${tag}`, { profile_public: 'on', country: 'NG', languages: 'Yoruba, English', expertise: ['education'] });
    const names = async (query: string) => (await json(`/api/v1/people?q=${tag}&${query}`)).items.map((p: { name: string }) => p.name.split(' ')[0]);
    expect(await names('theme=health')).toEqual(['Farah', 'Marc']);
    expect(await names('country=ng')).toEqual(['Ola']);
    expect(await names('language=english')).toEqual(['Farah', 'Ola']);
    expect(await names('language=French')).toEqual(['Marc']);
    expect((await json(`/api/v1/people?q=tenancy+${tag}`)).items.map((p: { name: string }) => p.name)).toEqual([`Marc ${tag}`]);
    const first = await json(`/api/v1/people?q=${tag}&page_size=2`);
    expect(first.items).toHaveLength(2);
    expect(first.next).toMatch(/\/api\/v1\/people\?q=.*&page_size=2&cursor=[\w-]+$/);
    expect((await json(first.next.replace('http://localhost:3000', ''))).next).toBeNull();
    expect(await text(`/people?q=${tag}&page_size=2&page=2`)).toContain('Page 2 of 2');
    // The filter form offers the languages people gave, once each whatever their case.
    const list = await (await app.request('/people')).text();
    expect(list.match(/<option value="English">/g)).toHaveLength(1);
    expect((await app.request('/people?theme=wizardry')).status).toBe(400);
    expect((await app.request('/api/v1/people?colour=blue')).status).toBe(400);
  });

  it('removes a person everywhere at once when they withdraw, are disabled or deleted', async () => {
    const tag = unique();
    const org = `org-${tag}`;
    await db
      .insertInto('organizations')
      .values({
        slug: org,
        name: `Welcome Office ${tag}`,
        acronym: null,
        type: 'civil-society',
        city: null,
        country: 'DE',
        region: '150',
        url: null,
        description: null,
        founded: null,
      })
      .execute();
    const orgId = (await db.selectFrom('organizations').select('id').where('slug', '=', org).executeTakeFirstOrThrow()).id;
    const people = await Promise.all(['Withdrawn', 'Disabled', 'Deleted'].map((w) => person(`${w} ${tag}`, { profile_public: 'on', job_title: `${w} job` })));
    for (const p of people) await db.insertInto('organization_members').values({ organization_id: orgId, user_id: p.id, state: 'approved' }).execute();
    const orgPage = async () => text(`/organizations/${org}`);
    expect(await orgPage()).toMatch(/3 members on the site.*Deleted .* Disabled .* Withdrawn /);
    expect((await json(`/api/v1/organizations/${org}`)).people).toHaveLength(3);
    const version = async () => Number((await db.selectFrom('app_state').select('value').where('key', '=', 'site_version').executeTakeFirst())?.value ?? 0);
    const before = await version();

    const [withdrawn, disabled, deleted] = people;
    await withdrawn.b.submit('/account', '/account', profile(withdrawn.name, { job_title: 'Withdrawn job' }));
    await db.updateTable('users').set({ state: 'disabled' }).where('id', '=', disabled.id).execute();
    await db.deleteFrom('users').where('id', '=', deleted.id).execute();
    // Pages kept for visitors are dropped: the site version moved.
    expect(await version()).toBeGreaterThan(before);
    for (const p of people) {
      expect((await app.request(`/people/${p.slug}`)).status).toBe(404);
      expect((await app.request(`/api/v1/people/${p.slug}`)).status).toBe(404);
    }
    expect(await text(`/people?q=${tag}`)).toContain('No person');
    expect((await json(`/api/v1/people?q=${tag}`)).items).toEqual([]);
    // The withdrawn member is still a member, counted but not named.
    expect(await orgPage()).toContain('1 member on the site.');
    expect(await orgPage()).not.toContain('Withdrawn');
    expect((await json(`/api/v1/organizations/${org}`)).people).toEqual([]);

    // Opting in again publishes the same address.
    await withdrawn.b.submit('/account', '/account', profile(withdrawn.name, { profile_public: 'on' }));
    expect((await app.request(`/people/${withdrawn.slug}`)).status).toBe(200);
  });

  it('a signed-in person writes to an expert: the mail reaches them in their language with a reply address, nobody sees the other’s address', async () => {
    const tag = unique();
    const expert = await person(`Élodie ${tag}`, { profile_public: 'on', locale: 'fr', job_title: 'Chargée de mission' });
    const sender = await person(`Sam Sender ${tag}`, { organization: 'City of Turin' });
    // Visitors are asked to sign in, and a post without a session goes to the sign-in page.
    expect(await text(`/people/${expert.slug}`)).toContain(`Sign in to contact Élodie ${tag}`);
    const anon = await anonymous().submit('/login', `/people/${expert.slug}/contact`, { subject: 'Hi', message: 'Hello' });
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/login\?next=/);

    const form = await sender.b.page(`/people/${expert.slug}`);
    expect(mainText(form.html)).toContain('will receive your message by email, with your name, your organisation and your email address');
    expect(form.html).not.toContain(expert.email);
    const sent = await sender.b.submit(`/people/${expert.slug}`, `/people/${expert.slug}/contact`, {
      subject: 'Your reception desk',
      message: 'Could we visit the desk in May?\nWe are four people from Turin.',
    });
    expect(sent.status).toBe(303);
    const after = await sender.b.page(sent.headers.get('location') as string);
    expect(mainText(after.html)).toContain(`Your message to Élodie ${tag} has been sent.`);
    expect(after.html).not.toContain(expert.email);

    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person_contact')
      .where('actor_user_id', '=', sender.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ target: expert.slug, details: { recipient: expert.id } });
    expect(JSON.stringify(audit)).not.toContain('Turin');

    await runQueuedJobs(deps);
    const mail = smtp.mails.find((m) => m.to.includes(expert.email));
    expect(mail?.subject).toBe(`Sam Sender ${tag} via le Clearinghouse : Your reception desk`);
    expect(mailHeader(mail?.raw ?? '', 'Reply-To')).toContain(sender.email);
    expect(mailHeader(mail?.raw ?? '', 'Content-Language')).toBe('fr');
    expect(mail?.text).toContain(`Sam Sender ${tag} (City of Turin) vous a écrit grâce à votre profil public`);
    expect(mail?.text).toMatch(/Could we visit the desk in May\?\r?\nWe are four people from Turin\./);
    expect(mail?.text).not.toContain(expert.email);

    // The expert sees no form on their own page.
    expect(mainText((await expert.b.page(`/people/${expert.slug}`)).html)).toContain('This is your public profile.');
  });

  it('shows a refused message again with the text typed and a message per field, and stops a sender after five in an hour', async () => {
    const tag = unique();
    const expert = await person(`Kim ${tag}`, { profile_public: 'on' });
    const sender = await person(`Lee ${tag}`);
    const jobs = async () =>
      Number(
        (
          await db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const queued = await jobs();
    const bad = await sender.b.submit(`/people/${expert.slug}`, `/people/${expert.slug}/contact`, { subject: '', message: `Kept text ${'x'.repeat(5001)}` });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(mainText(html)).toContain('Write a subject.');
    expect(mainText(html)).toContain('The message can be at most 5,000 characters long.');
    expect(html).toContain('Kept text xxx');
    expect(html).toContain('aria-invalid="true"');
    expect(await jobs()).toBe(queued);

    for (let i = 1; i <= 5; i++) {
      const ok = await sender.b.submit(`/people/${expert.slug}`, `/people/${expert.slug}/contact`, { subject: `Message ${i}`, message: 'Hello.' });
      expect(ok.status, `message ${i}`).toBe(303);
    }
    const sixth = await sender.b.submit(`/people/${expert.slug}`, `/people/${expert.slug}/contact`, { subject: 'Message 6', message: 'One too many.' });
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toMatch(/^\d+$/);
    const refused = await sixth.text();
    expect(mainText(refused)).toContain('You have sent many messages recently.');
    expect(refused).toContain('One too many.');
    expect(await jobs()).toBe(queued + 5);
  });

  it('a practice names its contact: refused on import when unknown, then a form that mails the person or the organisation’s admins', async () => {
    const tag = unique();
    const slug = `city-office-${tag}`;
    await db
      .insertInto('organizations')
      .values({
        slug,
        name: `City Office ${tag}`,
        acronym: null,
        type: 'local-government',
        city: null,
        country: 'IT',
        region: '150',
        url: null,
        description: null,
        founded: null,
      })
      .execute();
    const orgId = (await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const record = {
      id: `contact-practice-${tag}`,
      title: `Language cafés ${tag}`,
      summary: 'Weekly cafés.',
      language: 'en',
      city: 'Turin',
      country: 'IT',
      themes: ['language'],
      lead_organization: `City Office ${tag}`,
    };
    const doc = (contact: Record<string, string>) => JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices: [{ ...record, contact }] });
    const refused = await importPractices(db, doc({ organization: 'no-such-office', person: 'nobody-at-all' }), { author: 'test', source: 'test.json' });
    expect(refused.written).toBe(false);
    expect(refused.issues).toEqual([
      { path: 'practices[0].contact.organization', message: 'unknown organisation "no-such-office": no organisation of the directory has this slug' },
      { path: 'practices[0].contact.person', message: 'unknown person "nobody-at-all": no public profile has this slug' },
    ]);
    expect((await importPractices(db, doc({ organization: slug }), { author: 'test', source: 'test.json' })).written).toBe(true);
    const path = `/practices/${record.id}`;

    // No admin yet: nobody to write to, so the page says where to ask instead, with no form.
    const before = await text(path);
    expect(before).toContain(`Questions about this practice? Ask the organisation through its page: City Office ${tag}`);
    const sender = await person(`Sal Sender ${tag}`);
    expect((await sender.b.page(path)).html).not.toContain(`action="${path}/contact"`);
    expect((await sender.b.submit('/account', `${path}/contact`, { subject: 'Hi', message: 'Hello' })).status).toBe(404);

    const admin = await person(`Ada Admin ${tag}`, { locale: 'en' });
    await db.insertInto('organization_members').values({ organization_id: orgId, user_id: admin.id, role: 'admin', state: 'approved' }).execute();
    expect(await text(path)).toContain(`Sign in to contact City Office ${tag}`);
    const sent = await sender.b.submit(path, `${path}/contact`, { subject: 'Visiting', message: 'May we visit a café?' });
    expect(sent.status).toBe(303);
    expect(mainText((await sender.b.page(sent.headers.get('location') as string)).html)).toContain(`Your message to City Office ${tag} has been sent.`);
    await runQueuedJobs(deps);
    const toAdmin = smtp.mails.find((m) => m.to.includes(admin.email));
    expect(toAdmin?.text).toContain(`Sal Sender ${tag} wrote to City Office ${tag} about the practice “Language cafés ${tag}”`);
    expect(mailHeader(toAdmin?.raw ?? '', 'Reply-To')).toContain(sender.email);
    expect(await db.selectFrom('audit_log').select('details').where('action', '=', 'practice_contact').where('target', '=', record.id).execute()).toEqual([
      { details: { organization: slug, recipients: [admin.id] } },
    ]);

    // A person with a public profile named too: they get the messages; their withdrawal falls back to the organisation.
    const expert = await person(`Eva Expert ${tag}`, { profile_public: 'on' });
    await importPractices(db, doc({ organization: slug, person: expert.slug as string }), { author: 'test', source: 'test.json' });
    expect(await text(path)).toContain(`Questions about this practice? Write to its contact: Eva Expert ${tag}`);
    await sender.b.submit(path, `${path}/contact`, { subject: 'Visiting', message: 'A question for you.' });
    await runQueuedJobs(deps);
    expect(smtp.mails.find((m) => m.to.includes(expert.email))?.text).toContain(`about the practice “Language cafés ${tag}”, which names you as its contact`);
    await expert.b.submit('/account', '/account', profile(expert.name));
    expect(await text(path)).toContain(`Write to the organisation that answers for it: City Office ${tag}`);
    // Exported as given, in the exchange format.
    const exported = await (await app.request('/practices/export.json?theme=language')).json();
    expect(exported.practices.find((p: { id: string }) => p.id === record.id).contact).toEqual({ organization: slug, person: expert.slug });

    // The practice form takes the slugs, or the pages' addresses pasted whole.
    const form = draftFromValues({ contact_organization: `https://example.org/fr/organizations/${slug}`, contact_person: 'Not A Slug!' }, ['place']);
    expect(form.errors).toEqual({ contact_person: 'form.error.slug' });
    expect(draftFromValues({ contact_organization: slug, contact_person: '' }, ['place']).draft.contact).toEqual({ organization: slug });
  });
});
