import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { xssPayloads } from './fixtures/xss-payloads.ts';
import { type AccountClient, signedInClient } from './support/account-client.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

/** The events of an iCalendar text, read by a parser of RFC 5545 (ical.js). */
function parseCalendar(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, start: e.startDate, end: e.endDate, location: e.location, url: String(v.getFirstPropertyValue('url')) };
  });
}

describe.each(testEngines())('events on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const page = async (url: string) => (await app.request(url)).text();

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db, { PUBLIC_URL: 'https://ch.example' });
  });
  afterAll(() => drop());

  it('shows where an event takes place on a small map whose marker opens the city’s page', async () => {
    const html = await page('/events/alliance-of-civilizations-forum-istanbul-2009');
    const map = html.slice(html.indexOf('id="event-map"') - 200, html.indexOf('</figure>', html.indexOf('id="event-map"')));
    expect(map).toContain('<svg');
    expect(map).toMatch(/href="\/cities\/tr\/istanbul"/);
    // Online only: no place, no map.
    expect(await page('/events/example-webinar-welcoming-newcomers')).not.toContain('id="event-map"');
  });

  it('lists past events latest first, with their dates in the organiser’s time zone, and the upcoming example marked', async () => {
    const past = mainText(await page('/events?when=past'));
    expect(past).toContain('3 events');
    const order = ['Third Forum of the Alliance of Civilizations', 'The Inter-ethnic City', 'Second Forum of the Alliance of Civilizations'].map((t) =>
      past.indexOf(t),
    );
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(past).toContain('Roundtable · September 28, 2009 · New York, United States');
    expect(past).toContain('Conference · April 6 – 7, 2009 · Istanbul, Türkiye');
    const upcoming = mainText(await page('/events'));
    expect(upcoming).toContain('Webinar: one-stop welcome points for newcomers example');
    expect(upcoming).toMatch(/March 16, 2027, 3:00\s*–\s*4:30\s*PM GMT\+1 · Online/);
    expect(upcoming).not.toContain('Alliance of Civilizations');
    expect(mainText(await page('/events?when=past&type=roundtable'))).toContain('1 event');
    expect(mainText(await page('/events?when=past&country=br'))).toContain('Rio de Janeiro');
    expect((await app.request('/events?when=tomorrow')).status).toBe(400);
    expect((await app.request('/events?colour=red')).status).toBe(400);
    // In French, the dates are French.
    expect(mainText(await page('/fr/events?when=past'))).toContain('28 septembre 2009');
  });

  it('shows an event with its organisers linked to the directory, and the example says it is made up', async () => {
    const html = await page('/events/inter-ethnic-city-un-roundtable-2009');
    const text = mainText(html);
    expect(text).toContain('The Inter-ethnic City: roundtable at the United Nations');
    expect(text).toContain('This event has taken place.');
    expect(text).toContain('When September 28, 2009 (America/New York)');
    expect(text).toContain('Where United Nations Headquarters, New York, United States');
    expect(html).toContain('href="/organizations/united-nations-alliance-of-civilizations"');
    expect(html).toContain('<time datetime="2009-09-28">');
    const example = mainText(await page('/events/example-webinar-welcoming-newcomers'));
    expect(example).toContain('An example event of the demo, made up to show the feature');
    expect((await app.request('/events/no-such-event')).status).toBe(404);
  });

  it('gives each event and the whole calendar as iCalendar that a parser reads, days and hours right', async () => {
    const one = await app.request('/events/alliance-of-civilizations-forum-istanbul-2009/event.ics');
    expect(one.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const [istanbul] = parseCalendar(await one.text());
    expect(istanbul).toMatchObject({
      uid: 'alliance-of-civilizations-forum-istanbul-2009@ch.example',
      summary: 'Second Forum of the Alliance of Civilizations',
      location: 'Istanbul',
    });
    // All day, 6 and 7 April: the end is the day after, as RFC 5545 has it.
    expect(istanbul.start.isDate).toBe(true);
    expect(istanbul.start.toString()).toBe('2009-04-06');
    expect(istanbul.end.toString()).toBe('2009-04-08');
    expect(istanbul.url).toBe('https://ch.example/events/alliance-of-civilizations-forum-istanbul-2009');
    const all = parseCalendar(await (await app.request('/events.ics')).text());
    expect(all.map((e) => e.uid.split('@')[0])).toEqual([
      'alliance-of-civilizations-forum-istanbul-2009',
      'inter-ethnic-city-un-roundtable-2009',
      'alliance-of-civilizations-forum-rio-2010',
      'example-webinar-welcoming-newcomers',
    ]);
    const webinar = all[3];
    // 15:00 in Berlin in March (winter time) is 14:00 UTC.
    expect(webinar.start.isDate).toBe(false);
    expect(webinar.start.toJSDate().toISOString()).toBe('2027-03-16T14:00:00.000Z');
    expect(webinar.end.toJSDate().toISOString()).toBe('2027-03-16T15:30:00.000Z');
    expect(webinar.summary).toBe('Webinar: one-stop welcome points for newcomers (example)');
    expect((await app.request('/events/no-such-event/event.ics')).status).toBe(404);
  });
});

describe.each(testEngines())('announcing and changing events on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  let editor: AccountClient;
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${++n}`;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(engine));
    await db.insertInto('cities').values({ country: 'DE', slug: 'berlin', name: 'Berlin' }).execute();
    app = createTestApp(db);
    ({ b: editor } = await signedInClient(app, db, 'editor', 'Edna Events'));
  });
  afterAll(() => drop());

  /** A webinar's fields as the form sends them, with changes. */
  const fields = (change: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
    title: 'Welcome points for newcomers',
    type: 'webinar',
    start_date: '2031-03-18',
    start_time: '15:00',
    end_date: '',
    end_time: '16:30',
    time_zone: 'Europe/Berlin',
    country: 'DE',
    city: 'Berlin',
    venue: 'Rotes Rathaus',
    online_url: 'https://example.org/live',
    languages: 'en, de',
    organisers: 'International Metropolis\nCity of Berlin',
    themes: ['reception-and-welcoming', 'housing'],
    registration: 'site',
    registration_url: '',
    capacity: '40',
    description: 'Three cities show **what worked**.',
    outcomes: '',
    materials: '',
    group: 'reception',
    ...change,
  });
  const post = (path: string, f: Record<string, string | string[]>) => editor.submit(path, path, f);
  const eventCount = async () =>
    Number(
      (
        await db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets editors alone open the form; members get a 403 and visitors the sign-in page', async () => {
    expect((await editor.request('/events/new')).status).toBe(200);
    const { b: member } = await signedInClient(app, db, 'member', 'Mo Member');
    expect((await member.request('/events/new')).status).toBe(403);
    const visitor = await app.request('/events/new');
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toBe('/login?next=%2Fevents%2Fnew');
  });

  it('refuses a form with problems, shows each message next to its field with what was typed, and writes nothing', async () => {
    const before = await eventCount();
    const res = await post(
      '/events/new',
      fields({ title: '', end_time: '14:00', country: '', city: '', online_url: '', capacity: '0', languages: 'en, klingon' }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    const text = mainText(html);
    expect(text).toContain('Give the event a title');
    expect(html).toMatch(/id="f-end_time-error">The end must come after the start\.</);
    expect(html).toMatch(/id="f-country-error">Give a country, an online link, or both\.</);
    expect(html).toMatch(/id="f-capacity-error">Give the number of places, from 1 to 100,000\.</);
    expect(html).toMatch(/id="f-languages-error">Give two-letter language codes/);
    // What was typed is kept.
    expect(html).toContain('value="en, klingon"');
    expect(html).toContain('value="2031-03-18"');
    expect(html).toMatch(/<option value="Europe\/Berlin" selected/);
    expect(html).toContain('Three cities show **what worked**.');
    expect(await eventCount()).toBe(before);
  });

  it('refuses a time the organiser’s clocks skip (the spring change), and an end before the start on all-day events', async () => {
    const before = await eventCount();
    // Berlin's clocks go from 02:00 to 03:00 on 30 March 2031.
    const gap = await post('/events/new', fields({ start_date: '2031-03-30', start_time: '02:30', end_time: '04:00' }));
    expect(gap.status).toBe(400);
    expect(await gap.text()).toMatch(/id="f-start_time-error">This time does not exist in this zone/);
    const ok = await post('/events/new', fields({ start_date: '2031-03-30', start_time: '03:30', end_time: '04:00', title: `After the change ${unique()}` }));
    expect(ok.status).toBe(303);
    const allDay = await post('/events/new', fields({ all_day: 'on', start_date: '2031-05-02', end_date: '2031-05-01', start_time: '', end_time: '' }));
    expect(allDay.status).toBe(400);
    expect(await allDay.text()).toMatch(/id="f-end_date-error">The end must come after the start\./);
    expect(await eventCount()).toBe(before + 1);
  });

  it('publishes an event: its page in the organiser’s time with the visitor’s time to fill in, audited, told to followers, in the list and the calendar', async () => {
    const title = `Welcome points ${unique()}`;
    const res = await post('/events/new', fields({ title }));
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    const id = /^\/events\/([a-z0-9-]+)\?done=created$/.exec(location)?.[1] ?? '';
    expect(id).toMatch(/^welcome-points-[a-z0-9]+-2031$/);
    const { html } = await editor.page(location);
    const text = mainText(html);
    expect(text).toContain('The event is published.');
    expect(text).toMatch(/When March 18, 2031, 3:00\s*–\s*4:30\s*PM GMT\+1 \(Europe\/Berlin\)/);
    expect(text).toContain('Where Rotes Rathaus, Berlin, Germany');
    expect(html).toContain('href="/cities/de/berlin"');
    expect(html).toContain('data-start="2031-03-18T14:00:00.000Z" data-end="2031-03-18T15:30:00.000Z" data-zone="Europe/Berlin"');
    expect(html).toContain('data-label="Your time: {time}"');
    expect(html).toMatch(/<script src="\/assets\/local-time\.[0-9a-f]{10}\.js" defer=""><\/script>/);
    expect(html).toContain('<strong>what worked</strong>');
    expect(text).toContain('40 places left of 40.');
    const script = await app.request(/src="(\/assets\/local-time\.[0-9a-f]+\.js)"/.exec(html)?.[1] ?? '');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('Intl.DateTimeFormat');

    const audit = await db.selectFrom('audit_log').select(['action', 'target']).where('target', '=', id).execute();
    expect(audit).toEqual([{ action: 'event_create', target: id }]);
    const activity = await db
      .selectFrom('activities')
      .select(['kind', 'path', 'city', 'country', 'group_slug', 'themes'])
      .where('path', '=', `/events/${id}`)
      .execute();
    expect(activity).toEqual([
      {
        kind: 'event_published',
        path: `/events/${id}`,
        city: 'de/berlin',
        country: 'DE',
        group_slug: 'reception',
        themes: ['reception-and-welcoming', 'housing'],
      },
    ]);

    expect(mainText(await (await app.request('/events?theme=housing')).text())).toContain(title);
    const feed = parseCalendar(await (await app.request('/events.ics?group=reception&theme=housing')).text());
    const mine = feed.find((e) => e.uid === `${id}@localhost:3000`);
    expect(mine?.start.toJSDate().toISOString()).toBe('2031-03-18T14:00:00.000Z');
    expect(mine?.end.toJSDate().toISOString()).toBe('2031-03-18T15:30:00.000Z');
    expect(parseCalendar(await (await app.request('/events.ics?group=housing')).text()).map((e) => e.uid)).not.toContain(`${id}@localhost:3000`);
  });

  it('shows an event’s values in its edit form, saves the changes (audited) and gives new places to the people waiting', async () => {
    const title = `Study visit ${unique()}`;
    const created = await post('/events/new', fields({ title, capacity: '1', type: 'study-visit' }));
    const id = /\/events\/([a-z0-9-]+)\?/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
    const { b: first } = await signedInClient(app, db, 'member', 'First Comer');
    const { b: second } = await signedInClient(app, db, 'member', 'Second Comer');
    await first.submit('/account', `/events/${id}/register`, {});
    await second.submit('/account', `/events/${id}/register`, {});
    expect(mainText((await second.page(`/events/${id}`)).html)).toContain('in place 1.');

    const form = (await editor.page(`/events/${id}/edit`)).html;
    expect(form).toContain(`value="${title}"`);
    expect(form).toContain('value="15:00"');
    expect(form).toContain('value="16:30"');
    expect(form).toMatch(/<option value="study-visit" selected/);
    expect(form).toContain('International Metropolis\nCity of Berlin');

    const saved = await post(`/events/${id}/edit`, fields({ title: `${title}, two places`, capacity: '2', type: 'study-visit' }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/events/${id}?done=saved`);
    expect(mainText((await second.page(`/events/${id}`)).html)).toContain('You are registered.');
    expect(mainText(await (await app.request(`/events/${id}`)).text())).toContain(`${title}, two places`);
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('target', '=', id).where('action', '=', 'event_update').execute();
    expect(audit).toHaveLength(1);
    expect((audit[0].details as { changed: string[] }).changed.sort()).toEqual(['capacity', 'title']);
    // A refused edit keeps the event as it was.
    const refused = await post(`/events/${id}/edit`, fields({ title: '', capacity: '2' }));
    expect(refused.status).toBe(400);
    expect((await db.selectFrom('events').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title).toBe(`${title}, two places`);
    expect((await editor.request('/events/no-such-event/edit')).status).toBe(404);
  });

  it('shows every payload of the XSS corpus sent through the text fields as text, never as markup', async () => {
    const ids: string[] = [];
    for (let i = 0; i < xssPayloads.length; i += 4) {
      const p = (k: number) => `P${i + k + 1} ${xssPayloads[(i + k) % xssPayloads.length]}`;
      const res = await post(
        '/events/new',
        fields({
          title: p(0).slice(0, 300),
          venue: p(1).slice(0, 300),
          city: p(2).slice(0, 200),
          organisers: p(3).replaceAll('\n', ' ').slice(0, 200),
          description: `${p(0)}\n\n${p(1)}\n\n${p(2)}\n\n${p(3)}`,
          outcomes: `${p(1)}\n\n${p(3)}`,
          start_date: '2020-01-10',
          end_date: '2020-01-10',
          materials: `${p(2).replaceAll('|', '/').replaceAll('\n', ' ')} | https://example.org/report.pdf`,
        }),
      );
      expect(res.status, p(0)).toBe(303);
      ids.push(/\/events\/([a-z0-9-]+)\?/.exec(res.headers.get('location') ?? '')?.[1] ?? '');
    }
    /**
     * Markup a payload would bring: a script URL in a link or source (escaped text and attribute values have no raw `"`), an
     * element of its own or an event handler in a tag (quoted attribute values emptied first: a payload typed into a field
     * comes back inside value="…", where it is text). A form page has inputs of its own, so only the others count there.
     */
    const payloadMarkup = (html: string, form: boolean) => {
      const main = (html.match(/<main[\s\S]*<\/main>/)?.[0] ?? '').replace(/<script src="\/assets\/local-time\.[0-9a-f]+\.js" defer=""><\/script>/, '');
      const tags = main.replace(/="[^"]*"/g, '=""');
      const elements = form
        ? 'script|img|svg|iframe|details|video|audio|source|marquee|object|embed|math|body|keygen'
        : 'script|img|svg|iframe|details|input|video|audio|source|marquee|object|embed|form|math|body|keygen|textarea';
      return [
        ...(main.match(/<[a-z][^>]*\s(href|src|action|data|formaction)="\s*(javascript|data):[^>]*>/gi) ?? []),
        ...(tags.match(new RegExp(`<(${elements})[\\s>]|<[a-z][^>]*\\son[a-z]+\\s*=`, 'gi')) ?? []),
      ];
    };
    for (const id of ids) {
      for (const path of [`/events/${id}`, `/events/${id}/edit`]) {
        const html = (await editor.page(path)).html;
        expect(payloadMarkup(html, path.endsWith('/edit')), path).toEqual([]);
        // The payloads are on the page, as text: otherwise this test would prove nothing.
        expect(html, path).toContain('xss(');
      }
    }
    const list = await (await app.request('/events?when=past&q=P1')).text();
    expect(list).toContain('xss(');
    expect(payloadMarkup(list, true)).toEqual([]);
  });

  it('speaks the six languages, Arabic right to left', async () => {
    const titles: Record<string, string> = { fr: 'Nouvel événement', es: 'Nuevo evento', ar: 'فعالية جديدة', ru: 'Новое мероприятие', zh: '新活动' };
    for (const [lang, title] of Object.entries(titles)) {
      const { res, html } = await editor.page(`/${lang}/events/new`);
      expect(res.status).toBe(200);
      expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(html).toContain(`<h1 dir="auto">${title}</h1>`);
    }
    const refused = await editor.submit('/fr/events/new', '/fr/events/new', fields({ start_date: '2031-03-30', start_time: '02:30' }));
    expect(await refused.text()).toContain('Cette heure n’existe pas dans ce fuseau');
  });
});

describe.each(testEngines())('events as open data on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db, { PUBLIC_URL: 'https://ch.example' });
  });
  afterAll(() => drop());

  it('gives events as JSON, paged and filtered like the list, readable from any site, and refuses an unknown parameter', async () => {
    const res = await app.request('/api/v1/events?page_size=2', { headers: { origin: 'https://elsewhere.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { total: number; page: number; page_size: number; next: string | null; items: Record<string, unknown>[] };
    expect(body).toMatchObject({ total: 4, page: 1, page_size: 2 });
    expect(body.next).toMatch(/^https:\/\/ch\.example\/api\/v1\/events\?page_size=2&cursor=[\w-]+$/);
    expect(body.items.map((e) => e.id)).toEqual(['example-webinar-welcoming-newcomers', 'alliance-of-civilizations-forum-rio-2010']);
    expect(body.items[0]).toMatchObject({
      title: 'Webinar: one-stop welcome points for newcomers',
      type: 'webinar',
      starts_at: '2027-03-16T14:00:00.000Z',
      ends_at: '2027-03-16T15:30:00.000Z',
      all_day: false,
      first_day: null,
      time_zone: 'Europe/Berlin',
      online_url: 'https://example.org/webinar',
      capacity: 100,
      places_left: 100,
      example: true,
      url: 'https://ch.example/events/example-webinar-welcoming-newcomers',
      ics: 'https://ch.example/events/example-webinar-welcoming-newcomers/event.ics',
    });
    expect(body.items[1]).toMatchObject({ all_day: true, first_day: '2010-05-27', last_day: '2010-05-29', country: 'BR' });
    const past = (await (await app.request('/api/v1/events?when=past&type=conference&q=istanbul')).json()) as { items: { id: string }[] };
    expect(past.items.map((e) => e.id)).toEqual(['alliance-of-civilizations-forum-istanbul-2009']);
    const unknown = await app.request('/api/v1/events?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect((await app.request('/api/v1/events?page_size=1000')).status).toBe(400);

    const one = (await (await app.request('/api/v1/events/inter-ethnic-city-un-roundtable-2009')).json()) as Record<string, unknown>;
    expect(one).toMatchObject({
      id: 'inter-ethnic-city-un-roundtable-2009',
      organisers: ['United Nations Alliance of Civilizations', 'Aldo Della Rocca Foundation'],
      materials: [],
    });
    expect(String(one.description)).toContain('A roundtable on how cities manage diversity');
    expect((await app.request('/api/v1/events/no-such-event')).status).toBe(404);
    const docs = mainText(await (await app.request('/api')).text());
    expect(docs).toContain('GET https://ch.example/api/v1/events');
  });

  it('gives a calendar per search, linked from the list as “Subscribe”', async () => {
    const html = await (await app.request('/events?when=past&theme=political-participation&country=br')).text();
    expect(html).toContain('href="/events.ics?theme=political-participation&amp;country=br"');
    const feed = parseCalendar(await (await app.request('/events.ics?theme=political-participation&country=br')).text());
    expect(feed.map((e) => e.uid)).toEqual(['alliance-of-civilizations-forum-rio-2010@ch.example']);
    expect(feed[0].start.toString()).toBe('2010-05-27');
    expect(feed[0].end.toString()).toBe('2010-05-30');
    const words = parseCalendar(await (await app.request('/events.ics?q=roundtable')).text());
    expect(words.map((e) => e.uid.split('@')[0])).toEqual(['inter-ethnic-city-un-roundtable-2009']);
    expect((await app.request('/events.ics?colour=red')).status).toBe(400);
  });
});
