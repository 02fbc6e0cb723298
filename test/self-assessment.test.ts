import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { framework } from '../src/self-assessment/framework.ts';
import { createDemoDatabase, createTestApp } from './support/test-db.ts';

/** The visible text of a page's main element, tags removed and spaces collapsed. */
const mainText = (html: string) =>
  (html.match(/<main[\s\S]*<\/main>/)?.[0] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the self-assessment framework page', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase('pglite'));
    app = createTestApp(db);
  });
  afterAll(async () => drop());

  it('shows every dimension, every question with its three options and points, the evidence asked for and the scoring rules', async () => {
    const res = await app.request('/self-assessment');
    expect(res.status).toBe(200);
    const text = mainText(await res.text());
    expect(text).toContain('Framework version 1');
    expect(text).toContain('12 dimensions and 69 questions');
    expect(text).toContain('they never count as 0');
    for (const d of framework.dimensions) {
      for (const q of d.questions) {
        expect(text, q.code).toContain(q.text.replace(/\s+/g, ' '));
        for (const o of q.options) expect(text, `${q.code} ${o.value}`).toContain(o.label.replace(/\s+/g, ' '));
        expect(text, q.code).toContain(q.evidence_hint.replace(/\s+/g, ' '));
      }
    }
    expect(text).toContain('weight 2');
    expect(text).toContain('100 points');
    expect(text).toContain('Gap in young people not in employment, education or training');
  });

  it('is in the reader’s language around the framework’s English text, which is marked as English', async () => {
    const res = await app.request('/ar/self-assessment');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(mainText(html)).toContain('إطار التقييم الذاتي للمدن');
    expect(mainText(html)).toContain('القيادة والاستراتيجية والموارد');
    const question = framework.dimensions[0].questions[0].text;
    expect(html).toMatch(new RegExp(`<p class="framework-question" lang="en" dir="ltr">${question.replace(/[?]/g, '\\?')}</p>`));
  });

  it('links each dimension to the practices of its themes', async () => {
    const html = await (await app.request('/self-assessment')).text();
    for (const theme of framework.dimensions.flatMap((d) => d.themes)) expect(html).toContain(`href="/practices?theme=${theme}"`);
  });
});
