import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { framework } from '../src/framework/framework.ts';
import { codeDifferences, frameworkLanguages, frameworkTextFor } from '../src/framework/framework-text.ts';
import { locales } from '../src/i18n/i18n.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp } from './support/test-db.ts';

/** Text as the page escapes it. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

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

  it('is in the reader’s language, the framework’s own words included, in every interface language', async () => {
    expect(frameworkLanguages()).toEqual([...locales].sort());
    const first = framework.dimensions[0].questions[0];
    for (const locale of locales.filter((l) => l !== 'en')) {
      const html = await (await app.request(`/${locale}/self-assessment`)).text();
      const { lang, text } = frameworkTextFor(locale);
      expect(lang).toBe(locale);
      const words = text.questions[first.code].text;
      expect(words, locale).not.toBe(first.text);
      // In the page's language: no lang attribute of its own, and not the English notice.
      expect(html, locale).toContain(`<p class="framework-question">${escapeHtml(words)}</p>`);
      expect(mainText(html), locale).toContain(text.indicators['neet-rate-gap'].title);
    }
    const arabic = await (await app.request('/ar/self-assessment')).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(mainText(arabic)).toContain('القيادة والاستراتيجية والموارد');
  });

  it('refuses a translation whose codes differ from the framework’s', () => {
    const english = frameworkTextFor('en').text;
    const broken = structuredClone(frameworkTextFor('fr').text);
    delete broken.questions['leadership-and-strategy.1'];
    broken.indicators['made-up'] = { title: 'x', definition: 'x', unit: 'x' };
    delete broken.questions['leadership-and-strategy.2'].options.none;
    expect(codeDifferences(english, broken)).toEqual([
      'questions.leadership-and-strategy.1: missing',
      'indicators.made-up: not in the framework',
      'questions.leadership-and-strategy.2.options.none: missing',
    ]);
    expect(codeDifferences(english, frameworkTextFor('fr').text)).toEqual([]);
  });

  it('links each dimension to the practices of its themes', async () => {
    const html = await (await app.request('/self-assessment')).text();
    for (const theme of framework.dimensions.flatMap((d) => d.themes)) expect(html).toContain(`href="/practices?theme=${theme}"`);
  });
});
