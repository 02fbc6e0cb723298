import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import type { createApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { insertEvents } from '../src/events/event.repo.ts';
import { cancelRegistration, type Registrant, registerForEvent } from '../src/events/event-registration.command.ts';
import { runQueuedJobs } from '../src/jobs/job-worker.ts';
import { type AccountClient, signedInClient, testPassword } from './support/account-client.ts';
import { type MailApp, startMailApp } from './support/mail-app.ts';
import { mainText } from './support/page-text.ts';
import { testEngines } from './support/test-db.ts';

const day = 86_400_000;

describe.each(testEngines())('registration for events on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let smtp: MailApp['smtp'];
  let deps: MailApp['deps'];
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${++n}`;

  beforeAll(async () => {
    ({ db, app, smtp, deps, close: drop } = await startMailApp(engine));
  });
  afterAll(() => drop());

  /** An event with `capacity` places on the site, starting `inDays` from now (negative: it has started). */
  async function event(capacity: number, inDays = 30): Promise<string> {
    const id = `housing-forum-${unique()}`;
    const starts = new Date(Date.now() + inDays * day);
    await insertEvents(db, [
      {
        id,
        title: `Housing forum ${id.slice(-6)}`,
        type: 'conference',
        starts_at: starts,
        ends_at: new Date(starts.getTime() + 3 * 3_600_000),
        time_zone: 'Europe/Berlin',
        city: 'Berlin',
        country: 'DE',
        capacity,
      },
    ]);
    return id;
  }
  const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));
  const pageText = async (b: AccountClient, id: string) => mainText((await b.page(`/events/${id}`)).html);
  // The session's form token, as the event page's button carries it (read from the account page, which always has a form).
  const register = (b: AccountClient, id: string) => b.submit('/account', `/events/${id}/register`, {});
  const cancel = (b: AccountClient, id: string) => b.submit('/account', `/events/${id}/cancel`, {});
  /** The page a post led to. */
  const landing = async (b: AccountClient, res: Response) => mainText((await b.page(res.headers.get('location') ?? '/')).html);

  it('gives places in order, puts the next people on a waiting list, and a cancellation hands the place to the first waiting; each hears by mail', async () => {
    const id = await event(2);
    const people = await Promise.all(['Ana', 'Bo', 'Chen', 'Dalia'].map((name) => signedInClient(app, db, 'member', `${name} ${unique()}`)));
    const [ana, bo, chen, dalia] = people;
    expect(await pageText(ana.b, id)).toContain('2 places left of 2.');

    const first = await register(ana.b, id);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/events/${id}?done=registered`);
    const anaPage = await landing(ana.b, first);
    expect(anaPage).toContain('You are registered. A confirmation is on its way');
    expect(anaPage).toContain('1 place left of 2.');
    expect(anaPage).toContain('Cancel my registration');

    await register(bo.b, id);
    expect((await register(chen.b, id)).headers.get('location')).toBe(`/events/${id}?done=waiting`);
    await register(dalia.b, id);
    const chenPage = await pageText(chen.b, id);
    expect(chenPage).toContain('No place left of 2. 2 people are on the waiting list.');
    expect(chenPage).toContain('You are on the waiting list, in place 1.');
    expect(chenPage).toContain('Leave the waiting list');
    expect(await pageText(dalia.b, id)).toContain('in place 2.');

    // Ana gives up her place: Chen, first on the list, has it at once; Dalia moves up.
    const cancelled = await cancel(ana.b, id);
    expect(cancelled.status).toBe(303);
    expect(await landing(ana.b, cancelled)).toContain('Your registration is cancelled.');
    expect(await pageText(chen.b, id)).toContain('You are registered.');
    const daliaPage = await pageText(dalia.b, id);
    expect(daliaPage).toContain('You are on the waiting list, in place 1.');
    expect(daliaPage).toContain('1 person is on the waiting list.');

    await runQueuedJobs(deps);
    const title = `Housing forum ${id.slice(-6)}`;
    // The queue sends in no promised order: each person's mails, whichever came first.
    const subjects = (email: string) =>
      mailsTo(email)
        .map((m) => m.subject)
        .sort();
    expect(subjects(ana.email)).toEqual([`Registration cancelled: ${title}`, `You are registered: ${title}`]);
    expect(subjects(bo.email)).toEqual([`You are registered: ${title}`]);
    expect(subjects(chen.email)).toEqual([`A place freed up for you: ${title}`, `Waiting list: ${title}`]);
    expect(subjects(dalia.email)).toEqual([`Waiting list: ${title}`]);
    const waitingMail = mailsTo(dalia.email)[0].text;
    expect(waitingMail).toContain('You are on the waiting list, in place 2;');
    expect(waitingMail).toContain(`http://localhost:3000/events/${id}`);
    // The time in the organiser's zone, its offset said.
    expect(waitingMail).toMatch(/GMT\+[12]/);
  });

  it('shows organisers who registered (names only, and as CSV), visitors only the counts and a way to sign in', async () => {
    const id = await event(1);
    const zoe = await signedInClient(app, db, 'member', `Zoë Participant ${unique()}`);
    const yan = await signedInClient(app, db, 'member', `Yan Waiting ${unique()}`);
    await register(zoe.b, id);
    await register(yan.b, id);
    const editor = await signedInClient(app, db, 'editor', `Edna Organiser ${unique()}`);
    const organiserPage = await pageText(editor.b, id);
    expect(organiserPage).toContain('Registered people');
    expect(organiserPage).toContain('Zoë Participant');
    expect(organiserPage).toContain('Waiting list Yan Waiting');
    expect(organiserPage).not.toContain(zoe.email);
    const csv = await editor.b.request(`/events/${id}/registrations.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(rows[0]).toBe('name,status,since');
    expect(rows[1]).toMatch(/^Zoë Participant \S+,registered,\d{4}-/);
    expect(rows[2]).toMatch(/^Yan Waiting \S+,waiting,/);
    expect(rows.join('\n')).not.toContain('@');

    // A member neither sees the list nor gets the CSV; a visitor is asked to sign in.
    expect(await pageText(zoe.b, id)).not.toContain('Yan Waiting');
    expect((await zoe.b.request(`/events/${id}/registrations.csv`)).status).toBe(403);
    const visitor = mainText(await (await app.request(`/events/${id}`)).text());
    expect(visitor).toContain('No place left of 1. 1 person is on the waiting list.');
    expect(visitor).toContain('Sign in to register');
    expect(visitor).not.toContain('Zoë');
  });

  it('asking twice changes nothing, cancelling twice neither, and registering again after a cancel goes to the end of the list', async () => {
    const id = await event(1);
    const a = await signedInClient(app, db, 'member', `Once ${unique()}`);
    const b = await signedInClient(app, db, 'member', `Twice ${unique()}`);
    const c = await signedInClient(app, db, 'member', `Thrice ${unique()}`);
    await register(a.b, id);
    await register(a.b, id);
    await register(b.b, id);
    await register(c.b, id);
    expect(await pageText(c.b, id)).toContain('in place 2.');
    await cancel(b.b, id);
    await cancel(b.b, id);
    await register(b.b, id);
    expect(await pageText(b.b, id)).toContain('in place 2.');
    expect(await pageText(c.b, id)).toContain('in place 1.');
    await runQueuedJobs(deps);
    expect(mailsTo(a.email)).toHaveLength(1);
    expect(
      mailsTo(b.email)
        .map((m) => m.subject.split(':')[0])
        .sort(),
    ).toEqual(['Registration cancelled', 'Waiting list', 'Waiting list']);
    const rows = await db.selectFrom('event_registrations').select(['status']).where('event_id', '=', id).execute();
    expect(rows).toHaveLength(3);
  });

  it('closes registration once the event has started, and an event without places on the site takes none', async () => {
    const started = await event(10, -0.01);
    const p = await signedInClient(app, db, 'member', `Late ${unique()}`);
    expect(await pageText(p.b, started)).toContain('Registration is closed: the event has started.');
    const late = await register(p.b, started);
    expect(late.status).toBe(409);
    expect(await db.selectFrom('event_registrations').select('id').where('event_id', '=', started).execute()).toEqual([]);
    const linked = `linked-${unique()}`;
    await insertEvents(db, [
      {
        id: linked,
        title: 'Elsewhere',
        type: 'webinar',
        starts_at: new Date(Date.now() + day),
        ends_at: new Date(Date.now() + day + 3_600_000),
        time_zone: 'UTC',
        online_url: 'https://example.org/w',
      },
    ]);
    expect(await pageText(p.b, linked)).not.toContain('Registration on this site');
    expect((await register(p.b, linked)).status).toBe(409);
    // A visitor who is not signed in is sent to sign in first.
    const anonymous = await app.request(`/events/${linked}/register`, { method: 'POST' });
    expect([303, 403]).toContain(anonymous.status);
  });

  it('never gives more places than the event has when many register and cancel at the same moment', async () => {
    const id = await event(3);
    const people: Registrant[] = [];
    for (let i = 0; i < 12; i++) {
      const email = `rush-${i}-${unique()}@example.org`;
      const userId = await createUserWithRole(db, { email, role: 'member', name: `Rush ${i}`, password: testPassword });
      people.push({ userId, email, name: `Rush ${i}`, role: 'member', locale: 'en', ip: null });
    }
    const url = deps.config.publicUrl;
    const results = await Promise.all(people.map((p) => registerForEvent(db, id, p, url)));
    expect(results.filter((r) => r.status === 'registered')).toHaveLength(3);
    expect(
      results
        .filter((r) => r.status === 'waiting')
        .map((r) => r.place)
        .sort((a, b) => (a ?? 0) - (b ?? 0)),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Everyone who holds a place cancels while others register again: still never more than three.
    const holders = people.filter((_, i) => results[i].status === 'registered');
    await Promise.all([...holders.map((p) => cancelRegistration(db, id, p, url)), ...people.map((p) => registerForEvent(db, id, p, url))]);
    const counts = await db
      .selectFrom('event_registrations')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('event_id', '=', id)
      .groupBy('status')
      .execute();
    const of = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    expect(of('registered')).toBe(3);
    expect(of('registered') + of('waiting') + of('cancelled')).toBe(12);
  });
});
