import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { setRepresentative } from '../src/self-assessment/grant-representative.command.ts';
import { signedInClient } from './support/account-client.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

/** Figures count back from the year of the assessment, which is today's: the test's years follow the calendar. */
const year = new Date().getUTCFullYear();
const question = 'work-and-income.6';
const radio = (value: string) =>
  new RegExp(`id="f-answer\\.${question.replace('.', '\\.')}-${value}" name="answer\\.${question.replace('.', '\\.')}" value="${value}"( checked)?`);
const checkedOf = (html: string) => ['not-measured', 'no-improvement', 'improved'].filter((v) => radio(v).exec(html)?.[1] === ' checked');
const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

describe.each(testEngines())('outcome answers suggested from a city’s figures on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;

  /** A representative of a demo city with a draft open. */
  const representative = async (city: string, name: string) => {
    const rep = await signedInClient(app, db, 'member', name);
    await setRepresentative(db, rep.email, city, true, { operator: 'test' });
    await rep.b.submit(`/cities/${city}/assessment/edit`, `/cities/${city}/assessment/edit`, {});
    return rep.b;
  };

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db, { TRUST_PROXY: 'true' });
  });
  afterAll(() => drop());

  it('the figures a representative recorded suggest and preselect an answer; a saved answer stays chosen', async () => {
    const b = await representative('de/berlin', 'Berlin Figures Representative');
    const figures = '/cities/de/berlin/figures/edit';
    for (const [y, value] of [
      [year - 4, '-12'],
      [year - 1, '-9.5'],
    ] as const)
      expect((await b.submit(figures, figures, { indicator: 'employment-rate-gap', year: String(y), value, source_name: 'Labour force survey' })).status).toBe(
        303,
      );

    const path = '/cities/de/berlin/assessment/edit/work-and-income';
    const page = await b.page(path);
    expect(page.res.status).toBe(200);
    expect(mainText(page.html)).toContain(
      `From the figures recorded for this city — Employment rate gap, ages 20-64: -9.5 percentage points in ${year - 1}, -12 in ${year - 4} (3 years earlier). ` +
        '→ suggests “Measured, and compared with 3 years earlier the employment rate gap is at least 2 percentage points smaller, or foreign-born residents are level with or ahead of native-born residents”, ' +
        'preselected; change it if your own evidence says otherwise.',
    );
    expect(checkedOf(page.html)).toEqual(['improved']);
    // Only the outcome question has a note; the other questions of the dimension are left unanswered.
    expect(page.html.match(/class="notice notice--quiet outcome-evidence"/g)).toHaveLength(1);
    expect(page.html.match(/ checked/g)).toHaveLength(1);

    // The representative's own answer is saved, and stays chosen beside the suggestion.
    const saved = await b.submit(path, path, { [`answer.${question}`]: 'no-improvement', version: versionOn(page.html), intent: 'stay' });
    expect(saved.status).toBe(303);
    const again = await b.page(path);
    expect(checkedOf(again.html)).toEqual(['no-improvement']);
    const text = mainText(again.html);
    expect(text).toContain('-9.5 percentage points in');
    expect(text).toContain('→ suggests “Measured, and compared with 3 years earlier');
    expect(text).not.toContain('preselected');

    // Posted back with a problem, what was typed wins: the suggestion is shown, nothing preselected.
    const refused = await b.submit(path, path, { [`evidence.${question}`]: 'not a link', version: versionOn(again.html), intent: 'stay' });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(mainText(refusedHtml)).toContain('→ suggests “Measured, and compared with 3 years earlier');
    expect(mainText(refusedHtml)).not.toContain('preselected');
    expect(checkedOf(refusedHtml)).toEqual([]);
  });

  it('the staff diversity ratio is worked out from the two shares of one year', async () => {
    const b = await representative('at/vienna', 'Vienna Figures Representative');
    const figures = '/cities/at/vienna/figures/edit';
    for (const [indicator, value] of [
      ['municipal-staff-migrant-background', '15'],
      ['foreign-born-share', '25'],
    ])
      expect((await b.submit(figures, figures, { indicator, year: String(year - 1), value, source_name: 'Stadt Wien' })).status).toBe(303);
    const page = await b.page('/cities/at/vienna/assessment/edit/inclusive-public-services');
    expect(mainText(page.html)).toContain(
      `Municipal staff with a migrant background: 15%, Residents born abroad: 25%, in ${year - 1}, the latest year with both; a ratio of 0.6. ` +
        '→ suggests “Measured; the staff share is less than 0.8 times the population share”, preselected',
    );
    expect(page.html).toMatch(/value="below-0\.8" checked/);
  });

  it('a city without the figure is suggested "not measured", with a link to record one, in the reader’s language', async () => {
    const b = await representative('de/hamburg', 'Hamburg Representative');
    const page = await b.page('/cities/de/hamburg/assessment/edit/work-and-income');
    expect(mainText(page.html)).toContain(
      `No figure of “Employment rate gap, ages 20-64” recorded for ${year - 3} or later. ` +
        '→ suggests “Not measured, or no city-level figure from the last 3 years”, preselected; change it if your own evidence says otherwise. ' +
        'Record the city’s figures',
    );
    expect(page.html).toContain('href="/cities/de/hamburg/figures/edit"');
    expect(checkedOf(page.html)).toEqual(['not-measured']);

    const french = mainText((await b.page('/fr/cities/de/hamburg/assessment/edit/work-and-income')).html);
    expect(french).toContain(`Aucun chiffre « Écart de taux d'emploi, 20-64 ans » enregistré pour ${year - 3} ou après.`);
    expect(french).toContain('présélectionnée');
    const arabic = await b.page('/ar/cities/de/hamburg/assessment/edit/work-and-income');
    expect(arabic.html).toContain('dir="rtl"');
    expect(mainText(arabic.html)).toContain('الإجابة المقترحة: «غير مقيس، أو لا يوجد رقم على مستوى المدينة خلال آخر 3 سنوات»');

    // No figure answers language learning: nothing suggested, nothing chosen.
    const language = await b.page('/cities/de/hamburg/assessment/edit/language-learning');
    expect(language.html).not.toContain('outcome-evidence');
    expect(language.html).not.toMatch(/ checked/);
  });
});
