import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { insertGroup, insertMembership } from '../src/groups/group.repo.ts';
import { runQueuedJobs } from '../src/jobs/job-worker.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { insertRepresentative } from '../src/self-assessment/representative.repo.ts';
import { xssPayloads } from './fixtures/xss-payloads.ts';
import { type AccountClient, signedInClient } from './support/account-client.ts';
import { type MailApp, startMailApp } from './support/mail-app.ts';
import { mainText } from './support/page-text.ts';
import { testEngines } from './support/test-db.ts';

const berlin = { country: 'DE', slug: 'berlin' };
const vienna = { country: 'AT', slug: 'vienna' };
const toronto = { country: 'CA', slug: 'toronto' };

describe.each(testEngines())('city-to-city exchanges on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let smtp: MailApp['smtp'];
  let deps: MailApp['deps'];
  let n = 0;

  /** A signed-in member who represents the given cities. */
  async function representative(name: string, ...cities: { country: string; slug: string }[]) {
    const p = await signedInClient(app, db, 'member', `${name} ${++n}`);
    for (const c of cities) await insertRepresentative(db, p.id, c, null);
    return { ...p, name: `${name} ${n}` };
  }
  const mailsTo = async (email: string) => {
    await runQueuedJobs(deps);
    return smtp.mails.filter((m) => m.to.includes(email));
  };
  const text = async (who: AccountClient | undefined, url: string) => mainText(who ? (await who.page(url)).html : await (await app.request(url)).text());
  /** Clears the exchanges between the demo cities, so each test starts from none. */
  const clear = () => db.deleteFrom('exchanges').execute();
  const ask = (who: AccountClient, to: string, fields: Record<string, string>) => who.submit(`/exchanges/new?to=${to}`, '/exchanges', { to, ...fields });
  const latest = () => db.selectFrom('exchanges').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

  beforeAll(async () => {
    ({ db, app, smtp, deps, close: drop } = await startMailApp(engine, { demo: true }));
  });
  afterAll(() => drop());

  it('suggests partner cities for Berlin with the reasons in words, each with a way to ask', async () => {
    const ana = await representative('Ana Berlin', berlin);
    const vic = await representative('Vic Vienna', vienna);
    // A practice of Vienna adapts one of Berlin's, and both representatives are in one group.
    await upsertPractice(
      db,
      {
        id: 'vienna-neighbourhood-mothers',
        title: 'Neighbourhood Mothers of Vienna',
        summary: 'Mothers who reach mothers, after Neukölln.',
        language: 'en',
        city: 'Vienna',
        country: 'AT',
        themes: ['women-and-gender'],
        adapted_from: [{ id: 'neukolln-neighbourhood-mothers', changes: 'Run by the city, not an NGO.' }],
      },
      { author: 'test', message: 'adapted', kind: 'import' },
    );
    const group = (await insertGroup(db, {
      slug: 'exchange-housing',
      name: 'Housing peers',
      description: 'Peers.',
      themes: ['housing'],
      membership: 'open',
      createdBy: null,
    })) as number;
    for (const p of [ana, vic]) await insertMembership(db, { groupId: group, userId: p.id, state: 'active', frequency: 'weekly' });

    const page = await text(ana.b, '/exchange');
    expect(page).toContain('Partners suggested for Berlin');
    // Vienna first: two reasons (an adaptation and a shared group).
    const first = page.slice(page.indexOf('Partners suggested for Berlin'));
    expect(first).toMatch(
      /Vienna A practice of Vienna adapts one of Berlin: Neighbourhood Mothers of Vienna ← .*Neighbourhood Mothers.* Representatives of both cities are members of the group Housing peers Ask Vienna for an exchange/,
    );
    // Berlin's example self-assessment is weakest somewhere: a city with a practice there is suggested for it.
    expect(page).toMatch(/A practice of theirs on “[^”]+”, where the self-assessment of Berlin is weakest:/);
    // A city of the same size band in the same UN sub-region.
    await db.insertInto('cities').values({ country: 'DE', slug: 'neustadt-example', name: 'Neustadt', population: 2_100_000 }).execute();
    expect(await text(ana.b, '/exchange')).toMatch(
      /Neustadt A city of the same size \(over 2 million\) in the same region \(Western Europe\)\. Ask Neustadt for an exchange/,
    );
    const { html } = await ana.b.page('/exchange');
    expect(html).toContain('href="/exchanges/new?to=at%2Fvienna&amp;from=de%2Fberlin"');
    // Someone who represents no city is told the suggestions are for representatives.
    const nobody = await signedInClient(app, db, 'member', 'Nobody Special');
    expect(await text(nobody.b, '/exchange')).toContain('Suggestions are for the representatives of a city.');
    // Visitors are sent to sign in.
    expect((await app.request('/exchange')).status).toBe(303);
  });

  it('a representative asks; the asked city hears of it by mail, accepts with a message; both city pages show the exchange', async () => {
    await clear();
    const ana = await representative('Ana Berlin', berlin);
    const vic = await representative('Vic Vienna', vienna);
    const form = await text(ana.b, '/exchanges/new?to=at/vienna');
    expect(form).toContain('Ask Vienna for an exchange');
    expect(form).not.toContain('has no representative on the site yet');
    const asked = await ask(ana.b, 'at/vienna', {
      from: 'de/berlin',
      kind: 'study-visit',
      theme: 'housing',
      message: 'We would like to see your housing first pilot in May.',
    });
    expect(asked.status).toBe(303);
    expect(await text(ana.b, asked.headers.get('location') as string)).toContain('Your request has been sent to the city’s representatives.');
    expect(
      (await db.selectFrom('audit_log').select('action').where('actor_user_id', '=', ana.id).where('action', '=', 'exchange_request').execute()).length,
    ).toBe(1);
    // A second request while the first waits is a conflict, and nothing is written.
    expect((await ask(ana.b, 'at/vienna', { from: 'de/berlin', kind: 'mentoring', theme: 'health', message: 'Again.' })).status).toBe(409);

    const mail = (await mailsTo(vic.email)).find((m) => m.subject === 'Berlin asks Vienna for an exchange');
    expect(mail?.text).toContain(`${ana.name}, for Berlin, asks Vienna for an exchange on the Clearinghouse: Study visit, on the theme “Housing”.`);
    expect(mail?.text).toContain('We would like to see your housing first pilot in May.');
    expect(mail?.text).toContain('http://localhost:3000/exchanges');

    const incoming = await text(vic.b, '/exchanges');
    expect(incoming).toMatch(
      new RegExp(
        `Requests to your cities Berlin → Vienna Study visit · Housing · Waiting for an answer Asked by ${ana.name} for Berlin on .* We would like to see your housing first pilot in May\\.`,
      ),
    );
    const id = (await latest()).id;
    const accepted = await vic.b.submit('/exchanges', `/exchanges/${id}/decide`, { outcome: 'accepted', message: 'Welcome! Come in the second week of May.' });
    expect(accepted.status).toBe(303);
    expect(await text(vic.b, accepted.headers.get('location') as string)).toContain('The exchange is accepted; the asker has been told.');
    const answer = (await mailsTo(ana.email)).find((m) => m.subject === 'Vienna accepted your exchange request');
    expect(answer?.text).toContain('Vienna accepted the exchange Berlin asked for: Study visit, on the theme “Housing”.');
    expect(answer?.text).toContain('Welcome! Come in the second week of May.');
    // Answered once: a second answer is a conflict.
    expect((await vic.b.submit('/exchanges', `/exchanges/${id}/decide`, { outcome: 'declined', message: '' })).status).toBe(409);

    for (const [path, other] of [
      ['/cities/de/berlin', 'Vienna'],
      ['/cities/at/vienna', 'Berlin'],
    ]) {
      const page = await text(undefined, path);
      expect(page, path).toMatch(new RegExp(`Exchanges ${other} · Study visit · Housing Since `));
    }
    // Either side names the practice that came out of it: a practice of either city, not of a third.
    expect((await ana.b.submit('/exchanges', `/exchanges/${id}/practice`, { practice: 'toronto-triec-mentoring-partnership' })).status).toBe(400);
    const wrong = await ana.b.submit('/exchanges', `/exchanges/${id}/practice`, { practice: 'toronto-triec-mentoring-partnership' });
    expect(mainText(await wrong.text())).toContain('The practice must be one of the two cities’ practices.');
    expect((await ana.b.submit('/exchanges', `/exchanges/${id}/practice`, { practice: 'vienna-start-wien' })).status).toBe(303);
    expect(await text(undefined, '/practices/vienna-start-wien')).toContain('Came out of an exchange between Berlin and Vienna (Study visit, Housing).');
    expect(await text(undefined, '/cities/de/berlin')).toMatch(/Came out of it: StartWien: welcome and orientation programme/);
  });

  it('the asked city declines, the asker withdraws another; only the asked city’s representatives may decide (403)', async () => {
    await clear();
    const ana = await representative('Ana Berlin', berlin);
    const vic = await representative('Vic Vienna', vienna);
    const editor = await signedInClient(app, db, 'editor', 'Eda Editor');
    const stranger = await signedInClient(app, db, 'member', 'Sam Stranger');
    await ask(ana.b, 'at/vienna', { from: 'de/berlin', kind: 'peer-review', theme: 'education', message: 'Would you review our school plan?' });
    const id = (await latest()).id;
    for (const who of [ana, editor, stranger])
      expect((await who.b.submit('/account', `/exchanges/${id}/decide`, { outcome: 'accepted', message: '' })).status).toBe(403);
    expect((await stranger.b.submit('/account', `/exchanges/${id}/withdraw`, {})).status).toBe(403);
    expect((await latest()).state).toBe('requested');
    // A refused answer (no outcome chosen) is shown again with the message typed.
    const refused = await vic.b.submit('/exchanges', `/exchanges/${id}/decide`, { message: 'Not this year, sorry.' });
    expect(refused.status).toBe(400);
    const refusedText = mainText(await refused.text());
    expect(refusedText).toContain('Choose whether you accept or decline.');
    expect(refusedText).toContain('Not this year, sorry.');
    expect((await vic.b.submit('/exchanges', `/exchanges/${id}/decide`, { outcome: 'declined', message: 'Not this year, sorry.' })).status).toBe(303);
    expect((await mailsTo(ana.email)).find((m) => m.subject === 'Vienna declined your exchange request')?.text).toContain('Not this year, sorry.');
    expect(await text(ana.b, '/exchanges')).toMatch(/Berlin → Vienna Peer review · Education · Declined .* Answer: Not this year, sorry\./);
    expect(await text(undefined, '/cities/at/vienna')).toContain('No exchange with another city yet.');

    await ask(ana.b, 'at/vienna', { from: 'de/berlin', kind: 'mentoring', theme: 'employment', message: 'Mentoring for our job centres?' });
    const second = (await latest()).id;
    expect((await vic.b.submit('/exchanges', `/exchanges/${second}/withdraw`, {})).status).toBe(403);
    expect((await ana.b.submit('/exchanges', `/exchanges/${second}/withdraw`, {})).status).toBe(303);
    expect(await text(ana.b, '/exchanges')).toContain('Mentoring · Employment · Withdrawn');
    expect((await vic.b.submit('/account', `/exchanges/${second}/decide`, { outcome: 'accepted', message: '' })).status).toBe(409);
    expect(
      (
        await db
          .selectFrom('audit_log')
          .select('action')
          .where('target', 'in', [`exchange:${id}`, `exchange:${second}`])
          .orderBy('id')
          .execute()
      ).map((r) => r.action),
    ).toEqual(['exchange_request', 'exchange_decline', 'exchange_request', 'exchange_withdraw']);
  });

  it('a member who represents no city names their own; a city with no representative gets the request recorded and the form says so', async () => {
    await clear();
    const mo = await signedInClient(app, db, 'member', 'Mo Member');
    const form = await text(mo.b, '/exchanges/new?to=ca/toronto');
    expect(form).toContain('Toronto has no representative on the site yet.');
    expect(form).toContain('Your city');
    // A bad request is shown again with the values typed and a message next to each field.
    const bad = await ask(mo.b, 'ca/toronto', { from: 'ca/toronto', kind: 'mentoring', theme: 'employment', message: 'Mentoring please.' });
    expect(bad.status).toBe(400);
    expect(mainText(await bad.text())).toContain('A city cannot ask itself for an exchange.');
    const empty = await ask(mo.b, 'ca/toronto', { from: 'de/berlin', kind: 'mentoring', theme: 'employment', message: '   ' });
    expect(empty.status).toBe(400);
    expect(mainText(await empty.text())).toContain('Write a message to the city.');
    expect(await db.selectFrom('exchanges').select('id').execute()).toEqual([]);

    const asked = await ask(mo.b, 'ca/toronto', { from: 'de/berlin', kind: 'mentoring', theme: 'employment', message: 'How does TRIEC match mentors?' });
    expect(asked.status).toBe(303);
    expect(await text(mo.b, asked.headers.get('location') as string)).toContain('The city has no representative on the site yet; it waits for them.');
    expect(await latest()).toMatchObject({ on_behalf: false, to_country: 'CA', state: 'requested' });
    // A representative appointed later finds it, and sees the asker does not represent Berlin.
    const tess = await representative('Tess Toronto', toronto);
    expect(await text(tess.b, '/exchanges')).toContain('Asked by Mo Member, who works in Berlin but does not represent it on the site');
    // A representative of Berlin may not ask on behalf of another city.
    const ana = await representative('Ana Berlin', berlin);
    const notHers = await ask(ana.b, 'ca/toronto', { from: 'at/vienna', kind: 'mentoring', theme: 'employment', message: 'Hello.' });
    expect(notHers.status).toBe(400);
    expect(mainText(await notHers.text())).toContain('Ask on behalf of a city you represent.');
  });

  it('shows every payload of the XSS corpus sent through the message as text, never as markup', async () => {
    await clear();
    const ana = await representative('Ana Berlin', berlin);
    const vic = await representative('Vic Vienna', vienna);
    const message = xssPayloads
      .map((p, i) => `P${i + 1} ${p}`)
      .join('\n')
      .slice(0, 2000);
    expect((await ask(ana.b, 'at/vienna', { from: 'de/berlin', kind: 'mentoring', theme: 'housing', message })).status).toBe(303);
    const id = (await latest()).id;
    const refused = await vic.b.submit('/exchanges', `/exchanges/${id}/decide`, { message });
    expect(refused.status).toBe(400);
    const tooLong = await ask(ana.b, 'at/vienna', { from: 'de/berlin', kind: 'mentoring', theme: 'housing', message: message.repeat(2) });
    expect(tooLong.status).toBe(400);
    /** Markup a payload would bring (see events.test.ts): attribute values emptied first, where a payload is text. */
    const payloadMarkup = (html: string) => {
      const main = html.match(/<main[\s\S]*<\/main>/)?.[0] ?? '';
      const tags = main.replace(/="[^"]*"/g, '=""');
      return [
        ...(main.match(/<[a-z][^>]*\s(href|src|action|data|formaction)="\s*(javascript|data):[^>]*>/gi) ?? []),
        ...(tags.match(/<(script|img|svg|iframe|details|video|audio|source|marquee|object|embed|math|body|keygen)[\s>]|<[a-z][^>]*\son[a-z]+\s*=/gi) ?? []),
      ];
    };
    const pages = [
      ['the asker’s list', (await ana.b.page('/exchanges')).html],
      ['the asked city’s list', (await vic.b.page('/exchanges')).html],
      ['the refused answer', await refused.text()],
      ['the refused request', await tooLong.text()],
    ];
    for (const [what, html] of pages) {
      expect(payloadMarkup(html), what).toEqual([]);
      expect(html, what).toContain('xss(');
    }
    await runQueuedJobs(deps);
    expect(smtp.mails.find((m) => m.to.includes(vic.email) && m.text.includes('P1 '))?.text).toContain(xssPayloads[0]);
  });

  it('reads in six languages, right to left in Arabic', async () => {
    await clear();
    const ana = await representative('Ana Berlin', berlin);
    await representative('Vic Vienna', vienna);
    await ask(ana.b, 'at/vienna', { from: 'de/berlin', kind: 'joint-project', theme: 'health', message: 'A joint project?' });
    for (const locale of ['en', 'fr', 'es', 'ar', 'ru', 'zh']) {
      for (const url of ['/exchange', '/exchanges', '/exchanges/new?to=at/vienna', '/cities/at/vienna']) {
        const { res, html } = await ana.b.page(`/${locale}${url}`);
        expect(res.status, `${locale} ${url}`).toBe(200);
        expect(html, `${locale} ${url}`).not.toMatch(/exchanges\.[a-z_]+\.[a-z_.-]+/);
        if (locale === 'ar') expect(html).toContain('dir="rtl"');
      }
    }
    expect(await text(ana.b, '/fr/exchanges')).toContain('Projet commun · Santé · En attente de réponse');
    expect(await text(ana.b, '/zh/exchanges/new?to=at/vienna')).toContain('交流类型');
  });
});
