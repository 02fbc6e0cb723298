import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { importExchange } from '../../src/practices/import/import.service.ts';
import { xssPayloads } from '../fixtures/xss-payloads.ts';
import { browserAvailable } from '../support/browser.ts';
import { openTrapPage } from '../support/xss-trap.ts';
import { useE2E } from './e2e-context.ts';

/** Text fields of a record that pages show, each of which gets payloads in turn. */
const recordFields = [
  'title', 'summary', 'body', 'city', 'lead_organization', 'partner', 'target_group', 'challenge', 'approach',
  'outcomes', 'evaluation', 'lessons', 'transferability', 'source_title', 'changes', 'tr_title', 'tr_summary', 'tr_body',
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

async function addCorpus(db: Database): Promise<void> {
  const practices = Array.from({ length: recordCount }, (_, r) => corpusRecord(r));
  const summary = await importExchange(db, JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices }), {
    author: 'xss corpus',
    source: 'xss-payloads.ts',
  });
  if (!summary.written) throw new Error(`corpus rejected: ${JSON.stringify(summary.issues.slice(0, 5))}`);
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
});
