import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { type ChartPoint, FigureChart, type FigureChartProps } from './figure-chart.tsx';

const berlin: ChartPoint[] = [
  { year: 2023, value: -8.1 },
  { year: 2015, value: -12.3 },
  { year: 2019, value: -10 },
];
const germany: ChartPoint[] = [
  { year: 2015, value: -9 },
  { year: 2019, value: -7.5 },
  { year: 2023, value: -6 },
];

/** Renders a chart with sensible defaults and parses it for querying. */
function render(overrides: Partial<FigureChartProps> = {}) {
  const props: FigureChartProps = {
    title: 'Employment rate gap, 2015–2023',
    description: 'Line chart of 3 yearly figures from 2015 (−12.3) to 2023 (−8.1).',
    points: berlin,
    seriesLabel: 'Berlin',
    format: (v) => v.toFixed(1),
    ...overrides,
  };
  const html = (<FigureChart {...props} />).toString();
  return { html, root: parse(html) };
}

/** The main series' markers as [year, cx], in document order. */
function markers(root: ReturnType<typeof parse>) {
  return root.querySelectorAll('circle.figure-chart__point').map((c) => [Number(c.querySelector('title')?.text.split(':')[0]), Number(c.getAttribute('cx'))]);
}

describe('FigureChart', () => {
  it('is an image named by its own title and description', () => {
    const { root } = render();
    const svg = root.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    const ids = svg?.getAttribute('aria-labelledby')?.split(' ') ?? [];
    expect(ids).toHaveLength(2);
    expect(svg?.querySelector(`title[id="${ids[0]}"]`)?.text).toBe('Employment rate gap, 2015–2023');
    expect(svg?.querySelector(`desc[id="${ids[1]}"]`)?.text).toContain('Line chart of 3 yearly figures');
    expect(svg?.getAttribute('style')).toBeUndefined();
  });

  it('gives the same ids for the same input and different ids for another chart', () => {
    const labelledBy = (o: Partial<FigureChartProps> = {}) => render(o).root.querySelector('svg')?.getAttribute('aria-labelledby');
    expect(labelledBy()).toBe(labelledBy());
    expect(labelledBy({ title: 'Another indicator' })).not.toBe(labelledBy());
  });

  it('runs the years left to right, or right to left on an RTL page', () => {
    const ltr = markers(render().root).sort((a, b) => a[0] - b[0]);
    expect(ltr.map(([year]) => year)).toEqual([2015, 2019, 2023]);
    expect(ltr[0][1]).toBeLessThan(ltr[1][1]);
    expect(ltr[1][1]).toBeLessThan(ltr[2][1]);

    const rtl = markers(render({ rtl: true }).root).sort((a, b) => a[0] - b[0]);
    expect(rtl[0][1]).toBeGreaterThan(rtl[1][1]);
    expect(rtl[1][1]).toBeGreaterThan(rtl[2][1]);
  });

  it('labels the years with whole numbers only, at most six', () => {
    const { root } = render({ points: Array.from({ length: 12 }, (_, i) => ({ year: 2012 + i, value: i })) });
    const years = root.querySelectorAll('.figure-chart__years text').map((t) => t.text);
    expect(years.length).toBeLessThanOrEqual(6);
    expect(years.every((y) => /^\d{4}$/.test(y))).toBe(true);
    expect(years).toContain('2023');
  });

  it('includes zero on the value axis when values are both negative and positive', () => {
    const { root } = render({
      points: [
        { year: 2020, value: -3 },
        { year: 2022, value: 7 },
      ],
    });
    const labels = root.querySelectorAll('.figure-chart__grid text').map((t) => t.text);
    expect(labels).toContain((0).toFixed(1));
  });

  it('fits the value axis to both series', () => {
    const { root } = render({ points: [{ year: 2020, value: 2 }], comparison: [{ year: 2020, value: -4 }], comparisonLabel: 'Germany' });
    const labels = root.querySelectorAll('.figure-chart__grid text').map((t) => Number(t.text));
    expect(Math.min(...labels)).toBeLessThanOrEqual(-4);
    expect(labels).toContain(0);
  });

  it('pads values of one sign without running the axis past zero', () => {
    // The plot's bottom edge: the viewBox is 160 high, less 20 for the year labels.
    const plotBottom = 140;
    for (const low of [0, 0.5]) {
      const { root } = render({
        points: [
          { year: 2020, value: low },
          { year: 2021, value: 10 },
        ],
      });
      const grid = root.querySelectorAll('.figure-chart__grid line').map((l) => Number(l.getAttribute('y1')));
      expect(Math.max(...grid)).toBe(plotBottom);
      expect(root.querySelectorAll('.figure-chart__grid text')[0].text).toBe('0.0');
    }
  });

  it('keeps a chart of zeros drawable', () => {
    const { root } = render({
      points: [
        { year: 2020, value: 0 },
        { year: 2021, value: 0 },
      ],
    });
    expect(root.querySelector('path.figure-chart__line')?.getAttribute('d')).not.toMatch(/NaN/);
  });

  it('draws only a marker for a single figure, centred', () => {
    const { root } = render({ points: [{ year: 2021, value: 4.2 }] });
    expect(root.querySelectorAll('path')).toHaveLength(0);
    const circles = root.querySelectorAll('circle.figure-chart__point');
    expect(circles).toHaveLength(1);
    expect(circles[0].querySelector('title')?.text).toBe('2021: 4.2');
    expect(root.querySelectorAll('.figure-chart__years text').map((t) => t.text)).toEqual(['2021']);
  });

  it('renders nothing without figures', () => {
    expect(render({ points: [] }).html).toBe('');
  });

  it('draws the comparison dashed, with a legend only when it is there', () => {
    const without = render().root;
    expect(without.querySelector('.figure-chart__legend')).toBeNull();
    expect(without.querySelectorAll('[stroke-dasharray]')).toHaveLength(0);
    expect(without.querySelector('path.figure-chart__line')?.getAttribute('stroke-dasharray')).toBeUndefined();

    const { root } = render({ comparison: germany, comparisonLabel: 'Germany' });
    expect(root.querySelector('path.figure-chart__comparison')?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(root.querySelector('path.figure-chart__line')?.getAttribute('stroke-dasharray')).toBeUndefined();
    expect(root.querySelectorAll('circle.figure-chart__comparison-point')).toHaveLength(3);
    expect(root.querySelectorAll('.figure-chart__legend text').map((t) => t.text)).toEqual(['Berlin', 'Germany']);
  });
});
