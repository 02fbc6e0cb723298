import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { FC } from 'hono/jsx';

/** One yearly figure. */
export interface ChartPoint {
  year: number;
  value: number;
}

/** What a figure chart shows; every string is already translated and formatted by the caller. */
export interface FigureChartProps {
  /** Accessible name, e.g. "Employment rate gap, ages 20-64, 2015–2023" */
  title: string;
  /** One-sentence description for screen readers, e.g. "Line chart of 5 yearly figures from 2015 (−12.3) to 2023 (−8.1)." — built by the caller */
  description: string;
  /** The city's figures, any order, years unique. */
  points: ChartPoint[];
  /** Optional second series (the country's figures), drawn dashed. */
  comparison?: ChartPoint[];
  /** Legend label for the comparison series, e.g. "Germany". */
  comparisonLabel?: string;
  /** Legend label for the main series, e.g. "Berlin". */
  seriesLabel: string;
  /** Formats axis tick labels and point labels (locale-aware, supplied by the caller). */
  format: (value: number) => string;
  /** Right-to-left page (Arabic): years run right to left. */
  rtl?: boolean;
}

const width = 320;
const height = 160;
/** Room for the y labels on the axis side, and for half a year label on the other side. */
const gutter = { axis: 30, far: 14, top: 10, legend: 26, bottom: 20 };
const colours = { comparison: '#6b6b6b', grid: '#d0d0d0' };

/** A short hash (FNV-1a, base 36), so ids are the same on every render of a cached page. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Year ticks: whole years only, at most six, counting back from the latest so it is always labelled. */
function yearTicks(first: number, last: number): number[] {
  const step = Math.max(1, Math.ceil((last - first) / 5));
  const ticks: number[] = [];
  for (let year = last; year >= first; year -= step) ticks.unshift(year);
  return ticks;
}

/** The value range: zero included when the values straddle it, else padded by a tenth without crossing zero. */
function valueDomain(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min < 0 && max > 0) return [min, max];
  const pad = (max - min || Math.abs(max) || 1) * 0.1;
  return [min >= 0 ? Math.max(0, min - pad) : min - pad, max <= 0 && min < 0 ? Math.min(0, max + pad) : max + pad];
}

const byYear = (a: ChartPoint, b: ChartPoint) => a.year - b.year;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A line chart of a city's yearly figures as inline SVG, optionally against a dashed comparison
 * series (the country). Drawn on the server with presentation attributes only (the CSP forbids
 * inline styles); the main series follows the text colour. Geometry is laid out here for both
 * directions, so the SVG is always `direction="ltr"` and anchors are physical: Chromium did not
 * apply an SVG's own `direction` to `text-anchor` (labels of an Arabic chart ran into the plot).
 * @example
 * <FigureChart title="Employment rate gap, 2015–2023" description="Line chart of 2 yearly figures…"
 *   points={[{ year: 2015, value: -12.3 }, { year: 2023, value: -8.1 }]} seriesLabel="Berlin" format={(v) => v.toFixed(1)} />
 */
export const FigureChart: FC<FigureChartProps> = ({ title, description, points, comparison = [], comparisonLabel, seriesLabel, format, rtl = false }) => {
  if (points.length === 0) return null;
  const main = [...points].sort(byYear);
  const other = [...comparison].sort(byYear);
  const all = [...main, ...other];
  const id = `figure-chart-${shortHash(JSON.stringify([title, description, main, other]))}`;
  const legend = other.length > 0;

  const top = legend ? gutter.legend : gutter.top;
  const bottom = height - gutter.bottom;
  const y = scaleLinear()
    .domain(valueDomain(all.map((p) => p.value)))
    .nice()
    .range([bottom, top]);
  const ticks = y.ticks(4).map((tick) => ({ at: round(y(tick)), label: format(tick) }));
  // The axis side is as wide as its longest label (about 5.6 units a character at font-size 10).
  const axisWidth = Math.max(gutter.axis, Math.ceil(Math.max(...ticks.map((t) => t.label.length)) * 5.6) + 10);
  const [left, right] = rtl ? [gutter.far, width - axisWidth] : [axisWidth, width - gutter.far];
  const first = Math.min(...all.map((p) => p.year));
  const last = Math.max(...all.map((p) => p.year));
  // A single year sits in the middle of the plot.
  const x = scaleLinear()
    .domain(first === last ? [first - 1, last + 1] : [first, last])
    .range(rtl ? [right, left] : [left, right]);
  const path = line<ChartPoint>(
    (p) => round(x(p.year)),
    (p) => round(y(p.value)),
  );
  const axisX = rtl ? right + 6 : left - 6;

  return (
    <svg
      class="figure-chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      direction="ltr"
      font-size="10"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g class="figure-chart__grid">
        {ticks.map((tick) => (
          <g>
            <line x1={left} x2={right} y1={tick.at} y2={tick.at} stroke={colours.grid} stroke-width="1" />
            <text x={axisX} y={round(tick.at + 3.5)} text-anchor={rtl ? 'start' : 'end'} fill="currentColor">
              {tick.label}
            </text>
          </g>
        ))}
      </g>
      <g class="figure-chart__years">
        {yearTicks(first, last).map((year) => (
          <text x={round(x(year))} y={height - 6} text-anchor="middle" fill="currentColor">
            {String(year)}
          </text>
        ))}
      </g>
      {other.length > 1 && (
        <path class="figure-chart__comparison" d={path(other) ?? ''} fill="none" stroke={colours.comparison} stroke-width="1.5" stroke-dasharray="4 3" />
      )}
      {other.map((p) => (
        <circle class="figure-chart__comparison-point" cx={round(x(p.year))} cy={round(y(p.value))} r="2" fill={colours.comparison}>
          <title>{`${p.year}: ${format(p.value)}`}</title>
        </circle>
      ))}
      {main.length > 1 && <path class="figure-chart__line" d={path(main) ?? ''} fill="none" stroke="currentColor" stroke-width="2" />}
      {main.map((p) => (
        <circle class="figure-chart__point" cx={round(x(p.year))} cy={round(y(p.value))} r="3.5" fill="currentColor">
          <title>{`${p.year}: ${format(p.value)}`}</title>
        </circle>
      ))}
      {legend && <Legend start={rtl ? right : left} rtl={rtl} seriesLabel={seriesLabel} comparisonLabel={comparisonLabel ?? ''} />}
    </svg>
  );
};

/** Two legend entries along the top, from the axis side: a swatch of each line, then its label. */
const Legend: FC<{ start: number; rtl: boolean; seriesLabel: string; comparisonLabel: string }> = ({ start, rtl, seriesLabel, comparisonLabel }) => {
  const sign = rtl ? -1 : 1;
  // About 5.5 units per character at font-size 10, plus the swatch and a gap.
  const second = start + sign * (seriesLabel.length * 5.5 + 36);
  return (
    <g class="figure-chart__legend">
      <line x1={start} x2={start + sign * 16} y1="10" y2="10" stroke="currentColor" stroke-width="2" />
      <text x={start + sign * 20} y="13.5" text-anchor={rtl ? 'end' : 'start'} fill="currentColor">
        {seriesLabel}
      </text>
      <line x1={second} x2={second + sign * 16} y1="10" y2="10" stroke={colours.comparison} stroke-width="1.5" stroke-dasharray="4 3" />
      <text x={second + sign * 20} y="13.5" text-anchor={rtl ? 'end' : 'start'} fill="currentColor">
        {comparisonLabel}
      </text>
    </g>
  );
};
