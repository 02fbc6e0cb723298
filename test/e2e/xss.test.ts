import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import { importPractices } from '../../src/practices/import/import-practices.command.ts';
import { xssPayloads } from '../fixtures/xss-payloads.ts';
import { testPassword as password } from '../support/account-client.ts';
import { browserAvailable } from '../support/browser.ts';
import { openTrapPage } from '../support/xss-trap.ts';
import { useE2E } from './e2e-context.ts';

/** Text fields of a record that pages show, each of which gets payloads in turn. */
const recordFields = [
  'title',
  'summary',
  'body',
  'city',
  'lead_organization',
  'partner',
  'target_group',
  'challenge',
  'approach',
  'outcomes',
  'evaluation',
  'lessons',
  'transferability',
  'source_title',
  'changes',
  'tr_title',
  'tr_summary',
  'tr_body',
] as const;
type RecordField = (typeof recordFields)[number];

/** Enough records that every payload sits in some field, and every field gets several payloads. */
const recordCount = Math.ceil(xssPayloads.length / recordFields.length) + 1;
const recordId = (r: number) => `xss-corpus-${r + 1}`;

function payloadFor(r: number, field: RecordField): string {
  const n = (r * recordFields.length + recordFields.indexOf(field)) % xssPayloads.length;
  return `Payload ${n + 1} ${xssPayloads[n]}`;
}

function corpusRecord(r: number) {
  const p = (f: RecordField) => payloadFor(r, f);
  return {
    id: recordId(r),
    title: p('title').slice(0, 200),
    summary: p('summary'),
    language: 'en',
    body: p('body'),
    city: p('city').slice(0, 120),
    country: 'FR',
    themes: ['housing'],
    lead_organization: p('lead_organization'),
    partners: [{ name: p('partner'), support: 'technical' }],
    target_groups: [p('target_group').slice(0, 120)],
    challenge: p('challenge'),
    approach: p('approach'),
    outcomes: p('outcomes'),
    evaluation: p('evaluation'),
    lessons: p('lessons'),
    transferability: p('transferability'),
    sources: [{ url: 'https://example.org/source', title: p('source_title') }],
    adapted_from: r > 0 ? [{ id: recordId(r - 1), changes: p('changes') }] : undefined,
    translations: { fr: { title: p('tr_title').slice(0, 200), summary: p('tr_summary'), body: p('tr_body'), machine: true } },
  };
}

const member = { email: 'xss-member@example.org', name: 'Payload 3 <img src=x onerror=xss(3)>' };
const editor = { email: 'xss-editor@example.org', name: 'Payload 4 <svg onload=xss(4)>' };

async function addCorpus(db: Database): Promise<void> {
  await createUserWithRole(db, { ...member, role: 'member', password });
  await createUserWithRole(db, { ...editor, role: 'editor', password });
  const practices = Array.from({ length: recordCount }, (_, r) => corpusRecord(r));
  const summary = await importPractices(db, JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices }), {
    author: 'xss corpus',
    source: 'xss-payloads.ts',
  });
  if (!summary.written) throw new Error(`corpus rejected: ${JSON.stringify(summary.issues.slice(0, 5))}`);
}

/** Signs in through the sign-in form of the page's context. */
async function signIn(page: Page, url: (path: string) => string, email: string): Promise<void> {
  await page.goto(url('/en/login'));
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.locator('main form button[type="submit"]').first().click()]);
}

/**
 * Fills every text field and Markdown field of a submission step with a payload (numbers,
 * URLs and choices get valid values, so the step saves) and moves on.
 */
async function fillStepWithPayloads(page: Page, first: number): Promise<number> {
  let n = first;
  const fields = page.locator('main form[method="post"] input:not([type]), main form[method="post"] input[type="text"], main form[method="post"] textarea');
  for (const field of await fields.all()) {
    const name = (await field.getAttribute('name')) ?? '';
    // Coordinates and the contact's directory slugs are identifiers the step checks, not text shown back.
    if (/^(started|ended|location_lat|location_lon|contact_organization|contact_person)$/.test(name)) continue;
    const payload = `Payload ${(n % xssPayloads.length) + 1} ${xssPayloads[n % xssPayloads.length]}`;
    n += 1;
    await field.fill(
      name === 'title' ? payload.slice(0, 200) : name === 'target_groups' ? payload.replaceAll(',', ' ').slice(0, 120) : payload.slice(0, 120 * 10),
    );
  }
  for (const url of await page.locator('main input[name="source_url"]').all()) await url.fill('https://example.org/source');
  if (await page.locator('select[name="country"]').count()) await page.selectOption('select[name="country"]', 'FR');
  if (await page.locator('select[name="language"]').count()) await page.selectOption('select[name="language"]', 'en');
  if (await page.locator('input[name="themes"]').count()) await page.locator('input[name="themes"][value="housing"]').check();
  await Promise.all([page.waitForLoadState('load'), page.locator('button[name="action"][value="next"]').click()]);
  const problems = await page.locator('.form-errors').count();
  if (problems) throw new Error(`the step did not save: ${await page.locator('.form-errors').innerText()}`);
  return n;
}

describe.skipIf(!browserAvailable())('contributed text is shown as text, never run (Chromium, CSP off)', () => {
  const e2e = useE2E({ prepare: addCorpus });

  /** Pages that show record text: each record's page (and its translation), search snippets, the city and map pages. */
  const catalogueUrls = () => [
    ...Array.from({ length: recordCount }, (_, r) => `/practices/${recordId(r)}`),
    ...Array.from({ length: recordCount }, (_, r) => `/fr/practices/${recordId(r)}`),
    '/practices?q=payload',
    '/practices?q=script+onerror',
    '/practices?country=FR&sort=newest',
    '/countries/fr',
    '/map?country=FR',
  ];

  it('has a trap that catches a payload that does run (so a pass means something)', async () => {
    const trap = await openTrapPage(e2e.browser());
    await trap.page.goto(e2e.url('/healthz'));
    await trap.page.setContent(`<p>${xssPayloads[1]}</p><a href="javascript:void 0">x</a>`);
    expect(await trap.hits()).toEqual(['payload 2']);
    expect(await trap.injected()).toEqual(['<img onerror>', '<a href="javascript:void 0">']);
  });

  it(`runs none of the ${xssPayloads.length} payloads on the catalogue pages`, async () => {
    const trap = await openTrapPage(e2e.browser());
    let shown = 0;
    for (const url of catalogueUrls()) {
      const res = await trap.page.goto(e2e.url(url));
      expect(res?.status(), url).toBe(200);
      expect(await trap.hits(), `scripts that ran on ${url}`).toEqual([]);
      expect(await trap.injected(), `markup injected into ${url}`).toEqual([]);
      if ((await trap.page.content()).includes('Payload ')) shown += 1;
    }
    // The payloads are on the pages, as text: otherwise this test would prove nothing.
    expect(shown).toBeGreaterThanOrEqual(recordCount * 2);
    await trap.page.goto(e2e.url(`/en/practices/${recordId(0)}`));
    expect(await trap.page.locator('h1').innerText()).toContain(xssPayloads[0].slice(0, 20));
  });

  it('runs none of them when they come through every field of the submission form, the thread and the review', async () => {
    const memberTrap = await openTrapPage(e2e.browser());
    const mp = memberTrap.page;
    const checked: string[] = [];
    const check = async (trap: typeof memberTrap, what: string) => {
      expect(await trap.hits(), `scripts that ran on ${what}`).toEqual([]);
      expect(await trap.injected(), `markup injected into ${what}`).toEqual([]);
      checked.push(what);
    };
    await signIn(mp, e2e.url, member.email);
    await mp.goto(e2e.url('/en/submit'));
    let n = 0;
    for (let step = 1; step <= 5; step++) {
      n = await fillStepWithPayloads(mp, n);
      await check(memberTrap, `the page after step ${step}`);
    }
    expect(n, 'payloads typed into the form').toBeGreaterThanOrEqual(15);
    expect(mp.url()).toMatch(/\/submit\/\d+\/check$/);
    const id = /\/submit\/(\d+)\//.exec(mp.url())?.[1];
    await mp.locator(`form[action$="/submit/${id}/send"] input[name="license_consent"]`).check();
    await Promise.all([mp.waitForURL(/\/my\/submissions/), mp.locator(`form[action$="/submit/${id}/send"] button`).click()]);
    await check(memberTrap, 'my submissions');
    await mp.goto(e2e.url(`/en/submissions/${id}`));
    await check(memberTrap, "the member's view of the submission");

    const editorTrap = await openTrapPage(e2e.browser());
    const ep = editorTrap.page;
    await signIn(ep, e2e.url, editor.email);
    await ep.goto(e2e.url('/en/review'));
    expect(await ep.content()).toContain('Payload 1 ');
    await check(editorTrap, 'the review queue');
    await ep.goto(e2e.url(`/en/submissions/${id}`));
    await ep.locator('textarea[name="body"]').fill(`Payload 7 ${xssPayloads[6]}`);
    await Promise.all([ep.waitForLoadState('load'), ep.locator('#comment-form button[type="submit"]').click()]);
    await check(editorTrap, 'the submission page with a comment');
    await Promise.all([ep.waitForLoadState('load'), ep.locator(`form[action$="/submissions/${id}/publish"] button[type="submit"]`).click()]);
    await check(editorTrap, 'the submission page after publishing');
    const practiceLink = ep.locator('main a[href*="/practices/"]').first();
    const href = (await practiceLink.getAttribute('href')) as string;
    for (const path of [href, `${href}/history`, `${href}/edit`, `${href}/assess`, '/en/practices?q=payload&sort=newest']) {
      await ep.goto(e2e.url(path));
      await check(editorTrap, path);
    }
    await mp.goto(e2e.url(`/en/submissions/${id}`));
    await check(memberTrap, 'the thread as the member sees it');
    expect(checked.length).toBeGreaterThanOrEqual(14);
  });
});
