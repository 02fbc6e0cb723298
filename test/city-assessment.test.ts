import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { framework } from '../src/framework/framework.ts';
import { scoreAssessment } from '../src/framework/scoring.ts';
import { setRepresentative } from '../src/self-assessment/grant-representative.command.ts';
import { signedInClient } from './support/account-client.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

const base = '/cities/de/duisburg/assessment';
const [first, second] = framework.dimensions;

/** Form fields answering every question of a dimension with its option of `score` (or a reason). */
function answersFor(d: (typeof framework.dimensions)[number], pick: (i: number) => string | undefined) {
  const fields: Record<string, string> = {};
  d.questions.forEach((q, i) => {
    const choice = pick(i);
    if (choice !== undefined) fields[`answer.${q.code}`] = choice;
  });
  return fields;
}
const optionWith = (d: (typeof framework.dimensions)[number], i: number, score: 0 | 50 | 100) =>
  d.questions[i].options.find((o) => o.score === score)?.value as string;

describe.each(testEngines())('a city answering its self-assessment on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const signedIn = (role: Role, name: string) => signedInClient(app, db, role, name);
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db, { TRUST_PROXY: 'true' });
  });
  afterAll(() => drop());

  it('only the city’s representatives answer it: others are sent to sign in or refused', async () => {
    const anonymous = await app.request(`${base}/edit`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
    const member = await signedIn('member', 'Not A Representative');
    expect((await member.b.page(`${base}/edit`)).res.status).toBe(403);
    // Editors read private snapshots but do not answer for a city.
    const editor = await signedIn('editor', 'An Editor');
    expect((await editor.b.page(`${base}/edit`)).res.status).toBe(403);
    const other = await signedIn('member', 'Represents Hamburg');
    await setRepresentative(db, other.email, 'de/hamburg', true, { operator: 'test' });
    expect((await other.b.page(`${base}/edit`)).res.status).toBe(403);
    expect((await other.b.page('/cities/de/hamburg/assessment/edit')).res.status).toBe(200);
  });

  it('a representative opens a draft, answers dimension by dimension with evidence, sees the coverage and publishes privately, then publicly', async () => {
    const ana = await signedIn('member', 'Ana Representative');
    expect(await setRepresentative(db, ana.email, 'de/duisburg', true, { operator: 'test' })).toBe('granted');
    expect(await setRepresentative(db, ana.email, 'de/duisburg', true, { operator: 'test' })).toBe('already-representative');

    const start = await ana.b.page(`${base}/edit`);
    expect(start.res.status).toBe(200);
    expect(start.res.headers.get('cache-control')).toContain('no-store');
    expect(mainText(start.html)).toContain('Start the self-assessment');
    const opened = await ana.b.submit(`${base}/edit`, `${base}/edit`, {});
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`${base}/edit/${first.code}`);

    // The first dimension: every question with its options, "don't know" and "not applicable".
    const page = await ana.b.page(`${base}/edit/${first.code}`);
    expect(page.res.status).toBe(200);
    for (const q of first.questions) expect(page.html).toContain(`name="answer.${q.code}" value="dont-know"`);
    const version = versionOn(page.html);

    // A bad evidence link comes back next to its question, with everything typed kept.
    const typed = { ...answersFor(first, (i) => optionWith(first, i, 100)), [`evidence.${first.questions[0].code}`]: 'not a link', version, intent: 'next' };
    const refused = await ana.b.submit(`${base}/edit/${first.code}`, `${base}/edit/${first.code}`, typed);
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('Enter a full web address starting with http:// or https://.');
    expect(refusedHtml).toContain('value="not a link"');
    expect(refusedHtml).toMatch(new RegExp(`value="${optionWith(first, 1, 100)}" checked`));

    // All best answers but one "don't know", with evidence: saved, on to the next dimension.
    const good = {
      ...answersFor(first, (i) => (i === 1 ? 'dont-know' : optionWith(first, i, 100))),
      [`evidence.${first.questions[0].code}`]: 'https://example.org/strategy.pdf',
      [`note.${first.questions[0].code}`]: 'Adopted by the council in 2022.',
      version,
      intent: 'next',
    };
    const saved = await ana.b.submit(`${base}/edit/${first.code}`, `${base}/edit/${first.code}`, good);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${base}/edit/${second.code}`);
    // Resumable: the page shows what was saved.
    const again = await ana.b.page(`${base}/edit/${first.code}`);
    expect(again.html).toContain('value="https://example.org/strategy.pdf"');
    expect(again.html).toContain('Adopted by the council in 2022.</textarea>');
    expect(again.html).toMatch(
      new RegExp(
        `id="f-answer\\.${first.questions[1].code.replace('.', '\\.')}-dont-know" name="answer\\.${first.questions[1].code.replace('.', '\\.')}" value="dont-know" checked`,
      ),
    );

    // The second dimension half-answered, with the worst option.
    const secondPage = await ana.b.page(`${base}/edit/${second.code}`);
    const half = { ...answersFor(second, (i) => (i < 2 ? optionWith(second, i, 0) : undefined)), version: versionOn(secondPage.html), intent: 'stay' };
    expect((await ana.b.submit(`${base}/edit/${second.code}`, `${base}/edit/${second.code}`, half)).status).toBe(303);
    const overview = mainText((await ana.b.page(`${base}/edit`)).html);
    const answered = first.questions.length - 1 + 2;
    const total = framework.dimensions.reduce((n, d) => n + d.questions.length, 0);
    expect(overview).toContain(`${answered} of ${total} questions answered (${Math.round((answered / total) * 100)}%).`);

    // Published privately: a reader who is not a representative or an editor does not see it.
    const publishPage = await ana.b.page(`${base}/edit`);
    const published = await ana.b.submit(`${base}/edit`, `${base}/publish`, { version: versionOn(publishPage.html), visibility: 'private' });
    expect(published.status).toBe(303);
    const location = published.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^${base}\\?snapshot=\\d+$`));
    expect((await app.request(base)).status).toBe(404);
    expect((await app.request(location)).status).toBe(404);
    const mine = await ana.b.page(location);
    expect(mine.res.status).toBe(200);
    expect(mainText(mine.html)).toContain('Only the city’s representatives and the editors see this snapshot.');
    const editor = await signedIn('editor', 'Reading Editor');
    expect((await editor.b.page(location)).res.status).toBe(200);

    // A new draft starts from the snapshot; published publicly, anyone sees the scores.
    await ana.b.submit(`${base}/edit`, `${base}/edit`, {});
    const draftAgain = await ana.b.page(`${base}/edit/${first.code}`);
    expect(draftAgain.html).toContain('value="https://example.org/strategy.pdf"');
    const publicPage = await ana.b.page(`${base}/edit`);
    expect((await ana.b.submit(`${base}/edit`, `${base}/publish`, { version: versionOn(publicPage.html), visibility: 'public' })).status).toBe(303);
    const read = await app.request(base);
    expect(read.status).toBe(200);
    const text = mainText(await read.text());
    const expected = scoreAssessment(framework, {
      ...Object.fromEntries(first.questions.map((q, i) => [q.code, i === 1 ? { unanswered: 'dont-know' as const } : { option: optionWith(first, i, 100) }])),
      [second.questions[0].code]: { option: optionWith(second, 0, 0) },
      [second.questions[1].code]: { option: optionWith(second, 1, 0) },
    });
    expect(expected.dimensions[first.code].score).toBe(100);
    expect(expected.overall.provisional).toBe(true);
    expect(text).toContain(String(Math.round(expected.overall.score as number)));
    expect(text).toMatch(/[Pp]rovisional/);
    expect(text).toMatch(/[Nn]ot assessed/);
    // The city page links to it; a public snapshot is no example.
    const cityPage = await (await app.request('/cities/de/duisburg')).text();
    expect(cityPage).toContain(`href="${base}"`);
    expect(text).not.toContain('Example data');

    // Every change is a revision with its author, and audited.
    const revisions = await db.selectFrom('city_assessment_revisions').selectAll().where('author', '=', 'Ana Representative').execute();
    expect(revisions.filter((r) => r.question === first.questions[0].code).length).toBeGreaterThan(0);
    expect(revisions.filter((r) => r.message === 'Published')).toHaveLength(2);
    const audit = await db.selectFrom('audit_log').select('action').where('target', '=', 'de/duisburg').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['assessment_answers', 'assessment_publish']));
  });

  it('two representatives editing at once: the later save is refused with both versions shown, nothing lost', async () => {
    const one = await signedIn('member', 'First Representative');
    const two = await signedIn('member', 'Second Representative');
    for (const r of [one, two]) await setRepresentative(db, r.email, 'gb/cardiff', true, { operator: 'test' });
    const edit = '/cities/gb/cardiff/assessment/edit';
    await one.b.submit(edit, edit, {});
    const pageOne = await one.b.page(`${edit}/${first.code}`);
    const pageTwo = await two.b.page(`${edit}/${first.code}`);
    const q = first.questions[0].code;
    const saveOne = await one.b.submit(`${edit}/${first.code}`, `${edit}/${first.code}`, {
      [`answer.${q}`]: optionWith(first, 0, 100),
      version: versionOn(pageOne.html),
      intent: 'stay',
    });
    expect(saveOne.status).toBe(303);
    const saveTwo = await two.b.submit(`${edit}/${first.code}`, `${edit}/${first.code}`, {
      [`answer.${q}`]: optionWith(first, 0, 0),
      version: versionOn(pageTwo.html),
      intent: 'stay',
    });
    expect(saveTwo.status).toBe(409);
    const html = await saveTwo.text();
    expect(html).toContain('Another representative saved this draft while you were answering.');
    // What the second typed is still chosen; the first one's answer is shown under the question.
    expect(html).toMatch(new RegExp(`value="${optionWith(first, 0, 0)}" checked`));
    expect(html).toContain('Saved meanwhile by another representative:');
    const stored = await db.selectFrom('city_assessment_answers').select('option').where('question', '=', q).execute();
    expect(stored.map((s) => s.option)).toContain(optionWith(first, 0, 100));
    // Saving again, deliberately, keeps the second's answer.
    const retry = await two.b.submit(`${edit}/${first.code}`, `${edit}/${first.code}`, {
      [`answer.${q}`]: optionWith(first, 0, 0),
      version: versionOn(html),
      intent: 'stay',
    });
    expect(retry.status).toBe(303);
  });

  it('refuses answers that are not options of the question, and publishing nothing', async () => {
    const rep = await signedIn('member', 'Utrecht Representative');
    await setRepresentative(db, rep.email, 'nl/utrecht', true, { operator: 'test' });
    const edit = '/cities/nl/utrecht/assessment/edit';
    await rep.b.submit(edit, edit, {});
    const page = await rep.b.page(`${edit}/${first.code}`);
    const q = first.questions[0].code;
    const odd = await rep.b.submit(`${edit}/${first.code}`, `${edit}/${first.code}`, { [`answer.${q}`]: 'excellent', version: versionOn(page.html) });
    expect(odd.status).toBe(400);
    expect(await odd.text()).toContain('Choose one of the options in the list.');
    const overview = await rep.b.page(edit);
    const empty = await rep.b.submit(edit, '/cities/nl/utrecht/assessment/publish', { version: versionOn(overview.html), visibility: 'public' });
    expect(empty.status).toBe(400);
    expect(mainText(await empty.text())).toContain('Nothing is answered yet');
    expect((await app.request('/cities/nl/utrecht/assessment')).status).toBe(404);
  });

  it('the demo’s example assessments are marked as examples on every page, and a city’s own draft never starts from them', async () => {
    const berlin = await (await app.request('/cities/de/berlin/assessment')).text();
    expect(mainText(berlin)).toContain('Example data');
    expect(mainText(await (await app.request('/cities/de/berlin')).text())).toContain(
      'An example of the self-assessment with made-up answers (not Berlin’s own)',
    );
    const snapshots = await db.selectFrom('city_assessments').selectAll().where('slug', '=', 'berlin').orderBy('published_at').execute();
    expect(snapshots.map((s) => [s.state, s.example, s.visibility])).toEqual([
      ['published', true, 'public'],
      ['published', true, 'public'],
    ]);
    // Two snapshots: the page says how the newer changed since the older.
    expect(mainText(berlin)).toMatch(/since/);
    const rep = await signedIn('member', 'Berlin Representative');
    await setRepresentative(db, rep.email, 'de/berlin', true, { operator: 'test' });
    await rep.b.submit('/cities/de/berlin/assessment/edit', '/cities/de/berlin/assessment/edit', {});
    const draft = await db.selectFrom('city_assessments').select('id').where('slug', '=', 'berlin').where('state', '=', 'draft').executeTakeFirstOrThrow();
    expect(await db.selectFrom('city_assessment_answers').select('question').where('assessment_id', '=', draft.id).execute()).toEqual([]);
  });

  it('publishes snapshots as open data with every answer and unrounded scores that recompute from the framework; private ones never', async () => {
    const list = await (await app.request('/api/v1/cities/de/berlin/assessments')).json();
    expect(list.total).toBe(2);
    const record = await (await app.request(list.items[0].api_url.replace(/^https?:\/\/[^/]+/, ''))).json();
    expect(record).toMatchObject({ city: { country: 'DE', slug: 'berlin' }, framework_version: 1, example: true });
    // Anyone can recompute the scores from the answers and the framework.
    const recomputed = scoreAssessment(
      framework,
      Object.fromEntries(
        record.answers.map((a: { question: string; option: string | null; unanswered: 'dont-know' | 'not-applicable' | null }) => [
          a.question,
          a.option ? { option: a.option } : { unanswered: a.unanswered as 'dont-know' },
        ]),
      ),
    );
    expect(record.overall.score).toBeCloseTo(recomputed.overall.score as number, 10);
    expect(record.dimensions[first.code]).toEqual(recomputed.dimensions[first.code]);
    const weighted = record.answers.find((a: { option: string | null }) => a.option !== null);
    expect(weighted.weight).toBe(framework.dimensions.flatMap((d) => d.questions).find((q) => q.code === weighted.question)?.weight);

    // The private snapshot of Duisburg (published in an earlier test) is nowhere in the open data.
    const privateRow = await db
      .selectFrom('city_assessments')
      .select('id')
      .where('slug', '=', 'duisburg')
      .where('visibility', '=', 'private')
      .executeTakeFirstOrThrow();
    expect((await app.request(`/api/v1/assessments/${privateRow.id}`)).status).toBe(404);
    const duisburg = await (await app.request('/api/v1/cities/de/duisburg/assessments')).json();
    expect(duisburg.items.map((i: { id: string }) => i.id)).not.toContain(String(privateRow.id));
    const bytes = Buffer.from(await (await app.request('/cities/assessments.csv')).arrayBuffer());
    // A byte-order mark first, so spreadsheets read UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sheet = bytes.subarray(3).toString('utf8');
    expect(sheet.startsWith('country,slug,published,framework_version,example,overall,coverage,provisional,')).toBe(true);
    expect(sheet).toMatch(/\nDE,berlin,2026-03-10,1,yes,/);
    expect(sheet).not.toContain(`snapshot=${privateRow.id}`);
    const figures = await (await app.request('/cities/figures.csv')).text();
    expect(figures).toContain('DE,Duisburg,duisburg,population-total,2019,500000,hopenothate.org.uk');
    expect((await app.request('/api/v1/assessments/abc')).status).toBe(404);
  });

  it('a representative records a yearly figure of the city, checked like the import, kept as a revision', async () => {
    const rep = await signedIn('member', 'Figures Representative');
    await setRepresentative(db, rep.email, 'es/barcelona', true, { operator: 'test' });
    const edit = '/cities/es/barcelona/figures/edit';
    const other = await signedIn('member', 'Not For Barcelona');
    expect((await other.b.page(edit)).res.status).toBe(403);
    const refused = await rep.b.submit(edit, edit, { indicator: 'foreign-born-share', year: '2023', value: '140', source_name: 'Ajuntament' });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('Enter a number in the indicator’s unit and range');
    expect(refusedHtml).toContain('value="Ajuntament"');
    const saved = await rep.b.submit(edit, edit, {
      indicator: 'foreign-born-share',
      year: '2023',
      value: '25.4',
      source_name: 'Ajuntament de Barcelona',
      source_url: 'https://example.org/padro',
      basis: 'municipal register, 1 January',
    });
    expect(saved.status).toBe(303);
    const text = mainText(await (await app.request('/cities/es/barcelona')).text());
    expect(text).toContain('2023 25.4% Ajuntament de Barcelona · municipal register, 1 January');
    const revision = await db
      .selectFrom('figure_revisions')
      .selectAll()
      .where('slug', '=', 'barcelona')
      .where('year', '=', 2023)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(revision).toMatchObject({ author: 'Figures Representative', message: 'Recorded by a representative' });
  });

  it('a representative removes a figure typed for the wrong year: gone from the page, kept as a revision', async () => {
    const rep = await signedIn('member', 'Figures Remover');
    await setRepresentative(db, rep.email, 'es/barcelona', true, { operator: 'test' });
    const edit = '/cities/es/barcelona/figures/edit';
    const remove = '/cities/es/barcelona/figures/remove';
    const typo = { indicator: 'employment-rate-gap', year: '2004', value: '-7.5', source_name: 'Wrong year source' };
    expect((await rep.b.submit(edit, edit, typo)).status).toBe(303);
    const listed = await rep.b.page(edit);
    expect(mainText(listed.html)).toContain(
      'Employment rate gap, ages 20-64 2004 -7.5 percentage points Wrong year source Remove Employment rate gap, ages 20-64, 2004',
    );
    expect(mainText(await (await app.request('/cities/es/barcelona')).text())).toContain('Wrong year source');
    // Someone who does not represent the city may not remove it; a tampered year is refused with a message.
    const other = await signedIn('member', 'Not A Remover');
    expect((await other.b.submit('/account', remove, { indicator: 'employment-rate-gap', year: '2004' })).status).toBe(403);
    const tampered = await rep.b.submit(edit, remove, { indicator: 'employment-rate-gap', year: 'last' });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('This figure cannot be removed');
    const removed = await rep.b.submit(edit, remove, { indicator: 'employment-rate-gap', year: '2004' });
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe(`${edit}?done=removed`);
    expect(mainText((await rep.b.page(`${edit}?done=removed`)).html)).toContain('The figure is removed.');
    expect(mainText(await (await app.request('/cities/es/barcelona')).text())).not.toContain('Wrong year source');
    // Removing it again: there is nothing to remove.
    expect((await rep.b.submit(edit, remove, { indicator: 'employment-rate-gap', year: '2004' })).status).toBe(404);
    const revision = await db
      .selectFrom('figure_revisions')
      .selectAll()
      .where('slug', '=', 'barcelona')
      .where('year', '=', 2004)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(revision).toMatchObject({ author: 'Figures Remover', message: 'Removed by a representative', after: null });
    expect(typeof revision.before === 'string' ? JSON.parse(revision.before) : revision.before).toMatchObject({
      value: -7.5,
      source_name: 'Wrong year source',
    });
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'figures')
      .where('target', '=', 'es/barcelona')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ removed: 1, indicator: 'employment-rate-gap', year: 2004 });
  });

  it('a representative saves a recommended practice to the shortlist or dismisses it; it is recommended no more', async () => {
    const rep = await signedIn('member', 'Berlin Shortlister');
    await setRepresentative(db, rep.email, 'de/berlin', true, { operator: 'test' });
    const page = '/cities/de/berlin/assessment';
    const before = await rep.b.page(page);
    const recommended = [...before.html.matchAll(/name="practice" value="([^"]+)"/g)].map((m) => m[1]);
    expect(recommended.length).toBeGreaterThan(2);
    // Anyone else sees the recommendations without the buttons.
    expect(await (await app.request(page)).text()).not.toContain('Save to shortlist');
    const [keep, drop] = recommended;
    expect((await rep.b.submit(page, `${page}/recommendations`, { practice: keep, choice: 'shortlisted', snapshot: '' })).status).toBe(303);
    expect((await rep.b.submit(page, `${page}/recommendations`, { practice: drop, choice: 'dismissed', snapshot: '' })).status).toBe(303);
    const after = await rep.b.page(page);
    const still = [...after.html.matchAll(/name="choice" value="shortlisted" class="button--secondary">Save to shortlist<span class="visually-hidden">: /g)]
      .length;
    expect(still).toBeGreaterThan(0);
    const text = mainText(after.html);
    expect(text).toContain('Your shortlist');
    const shortlist = after.html.slice(after.html.indexOf('id="shortlist"'));
    expect(shortlist).toContain(`href="/practices/${keep}"`);
    // Neither is recommended again; the dismissed one is nowhere.
    const recommendedNow = after.html.slice(after.html.indexOf('id="recommendations"'), after.html.indexOf('id="shortlist"'));
    expect(recommendedNow).not.toContain(`value="${keep}"`);
    expect(recommendedNow).not.toContain(`value="${drop}"`);
    // Someone who does not represent Berlin may not.
    const other = await signedIn('member', 'Not Berlin');
    expect((await other.b.submit('/account', `${page}/recommendations`, { practice: keep, choice: 'dismissed', snapshot: '' })).status).toBe(403);
    expect((await rep.b.submit(page, `${page}/recommendations`, { practice: 'no-such-practice', choice: 'dismissed', snapshot: '' })).status).toBe(404);
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'recommendation_choice').execute();
    expect(audit.length).toBe(2);
  });
});
