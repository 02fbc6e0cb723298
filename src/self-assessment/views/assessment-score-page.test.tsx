import { describe, expect, it } from 'vitest';
import { framework } from '../../framework/framework.ts';
import { type Answer, scoreAssessment } from '../../framework/scoring.ts';
import { translator } from '../../i18n/i18n.ts';
import { PageContext } from '../../views/page-context.ts';
import type { ScorePageData, SnapshotSummary } from '../score-page.types.ts';
import { AssessmentScorePage } from './assessment-score-page.tsx';
import { wrapLabel } from './dimension-bars.tsx';

/** Every question of the framework answered with the option worth `points`, then `overrides` on top. */
function answersAt(points: 0 | 50 | 100, overrides: Record<string, Answer | undefined> = {}): Record<string, Answer> {
  const answers: Record<string, Answer | undefined> = {};
  for (const d of framework.dimensions) for (const q of d.questions) answers[q.code] = { option: q.options.find((o) => o.score === points)?.value as string };
  Object.assign(answers, overrides);
  return Object.fromEntries(Object.entries(answers).filter((e): e is [string, Answer] => e[1] !== undefined));
}

/** Leaves out every question of a dimension. */
const without = (dimension: string) =>
  Object.fromEntries((framework.dimensions.find((d) => d.code === dimension)?.questions ?? []).map((q) => [q.code, undefined]));

const snapshot = (overrides: Partial<SnapshotSummary> = {}): SnapshotSummary => ({
  id: 'snap-2',
  publishedAt: new Date('2025-06-01T12:00:00Z'),
  frameworkVersion: 1,
  visibility: 'public',
  example: false,
  ...overrides,
});

/** Page data with overrides; by default every question answered at 50 and no previous snapshot. */
function pageData(overrides: Partial<ScorePageData> = {}): ScorePageData {
  const current = snapshot();
  return {
    city: { country: 'BE', slug: 'ghent', name: 'Ghent' },
    snapshot: current,
    score: scoreAssessment(framework, answersAt(50)),
    snapshots: [current],
    canAnswer: false,
    ...overrides,
  };
}

async function render(data: ScorePageData, locale = 'en'): Promise<string> {
  const context = { i18n: translator(locale), path: '/', publicUrl: 'http://x', assets: { css: '/a.css' } };
  return await (
    <PageContext.Provider value={context}>
      <AssessmentScorePage data={data} />
    </PageContext.Provider>
  ).toString();
}

/** The text of the table row of a dimension's title. */
const rowOf = (html: string, title: string) => new RegExp(`<th scope="row">${title}</th>(.*?)</tr>`).exec(html)?.[1] ?? '';

describe('AssessmentScorePage', () => {
  it('shows scores as whole numbers: 200 ÷ 3 points shows as 67', async () => {
    // Weight 2 at 100 and weight 1 at 0: (200 + 0) ÷ 3 = 66.666…
    const score = scoreAssessment(framework, {
      'leadership-and-strategy.1': { option: 'current' },
      'leadership-and-strategy.2': { option: 'none' },
    });
    expect(score.dimensions['leadership-and-strategy'].score).toBeCloseTo(66.667, 2);
    const html = await render(pageData({ score }));
    const row = rowOf(html, 'Leadership, strategy and resources');
    expect(row).toContain('<td class="num">67</td>');
    expect(row).toContain('2 of 5 questions (40%)');
    expect(html).toContain('<strong>67 out of 100</strong>');
    expect(html).not.toContain('66.6');
  });

  it('says "Not assessed" for a dimension without answers and marks the overall provisional', async () => {
    const score = scoreAssessment(framework, answersAt(100, without('housing-and-neighbourhoods')));
    const html = await render(pageData({ score }));
    expect(rowOf(html, 'Housing and neighbourhoods')).toContain('Not assessed');
    expect(html).toContain('>Not assessed</text>');
    expect(html).toContain('<strong>Provisional</strong>');
    expect(html).toContain('1 dimension is not assessed.');
    expect(html).toContain('href="/self-assessment#scoring"');

    const complete = await render(pageData({ score: scoreAssessment(framework, answersAt(100)) }));
    expect(complete).not.toContain('Provisional');
    expect(complete).not.toContain('Not assessed');
  });

  it('gives the change since the previous snapshot from the whole numbers shown, signed', async () => {
    // Leadership now (100 + 100 + 50 + 0) ÷ 4 = 62.5, shown 63; before (200 + 100 + 50 + 0 + 0) ÷ 6 = 58.33, shown 58.
    const now = scoreAssessment(framework, {
      ...answersAt(50),
      'leadership-and-strategy.1': { unanswered: 'dont-know' },
      'leadership-and-strategy.2': { option: 'multi-year' },
      'leadership-and-strategy.3': { option: 'mandated' },
      'leadership-and-strategy.4': { option: 'ad-hoc' },
      'leadership-and-strategy.5': { option: 'not-tracked' },
    });
    const before = scoreAssessment(framework, {
      ...answersAt(100),
      'leadership-and-strategy.3': { option: 'named' },
      'leadership-and-strategy.4': { option: 'none' },
      'leadership-and-strategy.5': { option: 'not-tracked' },
    });
    const previous = { snapshot: snapshot({ id: 'snap-1', publishedAt: new Date('2025-03-12T12:00:00Z') }), score: before };
    const html = await render(pageData({ score: now, previous }));
    // 63 − 58 = +5, where the unrounded difference (4.17) would give +4.
    expect(rowOf(html, 'Leadership, strategy and resources')).toContain('<td class="num">+5</td>');
    expect(rowOf(html, 'Data and monitoring')).toContain('<td class="num">−50</td>');
    expect(html).toContain('Change since March 12, 2025');
    // Overall 51.04 (51) against 96.53 (97): −46, where the unrounded difference gives −45.
    expect(html).toContain('−46 since March 12, 2025');
    expect(html).toContain('class="dimension-bars__previous"');

    const same = await render(pageData({ score: before, previous }));
    expect(same).toContain('No change since March 12, 2025');
    expect(rowOf(same, 'Work and income')).toContain('<td class="num">no change</td>');
    expect(await render(pageData())).not.toContain('since');
  });

  it('warns of example data only when the snapshot is example data', async () => {
    const example = await render(pageData({ snapshot: snapshot({ example: true }) }));
    expect(example).toContain('Example data: these answers were made up to show how the self-assessment works. They are not Ghent’s own answers.');
    expect(await render(pageData())).not.toContain('Example data:');
  });

  it('says who sees a private snapshot, and keeps it out of search engines', async () => {
    const html = await render(pageData({ snapshot: snapshot({ visibility: 'private' }) }));
    expect(html).toContain('Only the city’s representatives and the editors see this snapshot.');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(await render(pageData())).not.toContain('Only the city’s representatives');
  });

  it('links the city, the framework, every snapshot and, for a representative, answering again', async () => {
    const older = snapshot({ id: 'snap-1', publishedAt: new Date('2025-03-12T12:00:00Z'), visibility: 'private', example: true });
    const html = await render(pageData({ snapshots: [snapshot(), older], canAnswer: true }));
    expect(html).toContain('<link rel="canonical" href="http://x/cities/be/ghent/assessment"/>');
    expect(html).toContain('<a href="/cities/be/ghent">Ghent</a>');
    expect(html).toContain('<a href="/self-assessment">Framework version 1</a>');
    expect(html).toContain('<a href="/cities/be/ghent/assessment?snapshot=snap-2" aria-current="page">June 1, 2025</a>');
    expect(html).toContain('<a href="/cities/be/ghent/assessment?snapshot=snap-1">March 12, 2025</a>');
    expect(html).toMatch(/March 12, 2025<\/a>.*· private.*· example data/);
    expect(html).toContain('<a href="/cities/be/ghent/assessment/edit">Answer the self-assessment again</a>');
    expect(await render(pageData())).not.toContain('/assessment/edit');
  });

  it('names the chart by its title and description', async () => {
    const html = await render(pageData());
    const labelled = /<svg[^>]*role="img"[^>]*aria-labelledby="([^" ]+) ([^"]+)"/.exec(html);
    expect(labelled).not.toBeNull();
    const [, title, desc] = labelled as RegExpExecArray;
    expect(html).toContain(`<title id="${title}">Scores of the 12 dimensions, out of 100</title>`);
    expect(html).toContain(`<desc id="${desc}">`);
    expect(html).not.toMatch(/style=/);
  });

  it('lays the chart out right to left in Arabic: labels to the right of the bars', async () => {
    const html = await render(pageData(), 'ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    const row = /<g class="dimension-bars__row"[^>]*>(.*?)<\/g>/.exec(html)?.[1] ?? '';
    const labelX = Number(/class="dimension-bars__label" x="([\d.]+)"/.exec(row)?.[1]);
    const bar = /class="dimension-bars__bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(row);
    expect(bar).not.toBeNull();
    expect(labelX).toBeGreaterThan(Number(bar?.[1]) + Number(bar?.[2]));

    const ltr = /<g class="dimension-bars__row"[^>]*>(.*?)<\/g>/.exec(await render(pageData()))?.[1] ?? '';
    expect(Number(/class="dimension-bars__label" x="([\d.]+)"/.exec(ltr)?.[1])).toBeLessThan(Number(/class="dimension-bars__bar" x="([\d.]+)"/.exec(ltr)?.[1]));
  });

  it('wraps a long label over lines instead of cutting it', () => {
    const lines = wrapLabel('Равенство и борьба с дискриминацией в городских услугах и в жилье', 272);
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe('Равенство и борьба с дискриминацией в городских услугах и в жилье');
    expect(wrapLabel('领导、战略与资源领导、战略与资源领导、战略与资源', 110)).toHaveLength(3);
  });
});
