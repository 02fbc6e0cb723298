import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

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
