import type { FC } from 'hono/jsx';

/** One dimension's row; the label is already translated. */
export interface DimensionBarRow {
  code: string;
  label: string;
  /** 0–100, unrounded; null when the dimension is not assessed. */
  score: number | null;
  /** The previous snapshot's score, drawn as a tick; absent or null draws none. */
  previous?: number | null;
}

/** What the chart shows; every string is already translated by the caller. */
export interface DimensionBarsProps {
  rows: DimensionBarRow[];
  /** Accessible name, e.g. "Scores of the 12 dimensions, out of 100". */
  title: string;
  /** One or two sentences for screen readers, built by the caller. */
  description: string;
  /** Right-to-left page (Arabic): labels on the right, bars growing leftwards. */
  rtl: boolean;
  /** Shown instead of a bar, e.g. "Not assessed". */
  notAssessedLabel: string;
  /** Legend of the previous-score tick, e.g. "Score on 12 March 2025"; no legend without it. */
  previousLabel?: string;
}

const width = 640;
/** The label column: generous, so long labels (Russian, French) wrap rather than get cut. */
const labelWidth = 288;
const gap = 8;
/** Room after the longest bar for its score ("100"). */
const scoreRoom = 30;
const fontSize = 11;
const lineHeight = 13;
const barHeight = 12;
const legendHeight = 22;
const colours = { previous: '#6b6b6b', muted: '#595959', grid: '#d0d0d0' };

/** Estimated advance of a character at font-size 11: wide for CJK and other full-width scripts. */
const charWidth = (c: string) => ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 11 : 6);
const textWidth = (text: string) => [...text].reduce((sum, c) => sum + charWidth(c), 0);

/**
 * Splits a label into lines that fit `max` units, at spaces where there are any, else between
 * characters (Chinese). Nothing is cut: a label longer than two lines takes more.
 * @example wrapLabel('Equality and anti-discrimination', 120) // ['Equality and', 'anti-discrimination']
 */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/(?<=\s)/)) {
    if (line && textWidth(line + word.trimEnd()) > max) {
      lines.push(line.trimEnd());
      line = '';
    }
    // A word wider than a line (or a run of CJK without spaces) breaks between characters.
    for (const c of word) {
      if (line && textWidth(line + c) > max && c.trim()) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += c;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

/** A short hash (FNV-1a, base 36), so ids are the same on every render of a cached page. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A horizontal bar chart of the dimension scores (0–100) as inline SVG: one row per dimension,
 * its label beside the bar, the whole-number score at the bar's end, a grey tick at the previous
 * snapshot's score, and the not-assessed text where there is no score. Presentation attributes
 * only (the CSP forbids inline styles); the bars follow the text colour. As in FigureChart, the
 * SVG is `direction="ltr"` with the geometry mirrored here for right-to-left pages and physical
 * text anchors, since Chromium does not apply an SVG's `direction` to `text-anchor`.
 * @example
 * <DimensionBars title="Scores of the 12 dimensions" description="Bar chart…" rtl={false} notAssessedLabel="Not assessed"
 *   rows={[{ code: 'data-and-monitoring', label: 'Data and monitoring', score: 66.7, previous: 50 }]} />
 */
export const DimensionBars: FC<DimensionBarsProps> = ({ rows, title, description, rtl, notAssessedLabel, previousLabel }) => {
  const id = `dimension-bars-${shortHash(JSON.stringify([title, description, rows]))}`;
  const legend = Boolean(previousLabel) && rows.some((r) => r.previous != null);
  // Label column and bar span, in the reading direction; `along(v)` is the x of score v.
  const barStart = rtl ? width - labelWidth - gap : labelWidth + gap;
  const barSpan = width - labelWidth - gap - scoreRoom;
  const sign = rtl ? -1 : 1;
  const along = (value: number) => round(barStart + sign * (Math.max(0, Math.min(100, value)) / 100) * barSpan);
  const labelX = rtl ? width - labelWidth + gap : labelWidth - gap;
  const labelAnchor = rtl ? 'start' : 'end';
  const afterAnchor = rtl ? 'end' : 'start';

  let y = legend ? legendHeight : 4;
  const laidOut = rows.map((row) => {
    const lines = wrapLabel(row.label, labelWidth - 2 * gap);
    const height = Math.max(28, lines.length * lineHeight + 12);
    const top = y;
    y += height;
    return { row, lines, top, middle: top + height / 2 };
  });
  const height = y + 4;

  return (
    <svg
      class="dimension-bars"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      direction="ltr"
      font-size={fontSize}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g class="dimension-bars__grid">
        {[0, 25, 50, 75, 100].map((v) => (
          <line x1={along(v)} x2={along(v)} y1={legend ? legendHeight : 4} y2={height - 4} stroke={colours.grid} stroke-width="1" />
        ))}
      </g>
      {legend && (
        <g class="dimension-bars__legend">
          <line x1={barStart} x2={barStart} y1="4" y2="18" stroke={colours.previous} stroke-width="2" />
          <text x={barStart + sign * 6} y="15" text-anchor={afterAnchor} fill="currentColor">
            {previousLabel}
          </text>
        </g>
      )}
      {laidOut.map(({ row, lines, middle }) => {
        const score = row.score === null ? null : Math.round(row.score);
        const previous = row.previous ?? null;
        // The score's text goes after the bar, or after the tick when the tick would run into it.
        const textLength = score === null ? textWidth(notAssessedLabel) : textWidth(String(score));
        const end = score ?? 0;
        const clash = previous !== null && previous >= end && Math.abs(along(previous) - along(end)) < textLength + 10;
        const textX = along(clash && previous !== null ? previous : end) + sign * 5;
        return (
          <g class="dimension-bars__row" data-code={row.code}>
            <text
              class="dimension-bars__label"
              x={labelX}
              y={round(middle - ((lines.length - 1) * lineHeight) / 2 + 4)}
              text-anchor={labelAnchor}
              fill="currentColor"
            >
              {lines.map((line, i) => (
                <tspan x={labelX} dy={i === 0 ? undefined : lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
            {score !== null && (
              <rect
                class="dimension-bars__bar"
                x={Math.min(barStart, along(score))}
                y={round(middle - barHeight / 2)}
                width={round(Math.abs(along(score) - barStart))}
                height={barHeight}
                fill="currentColor"
              />
            )}
            {previous !== null && (
              <line
                class="dimension-bars__previous"
                x1={along(previous)}
                x2={along(previous)}
                y1={round(middle - barHeight / 2 - 4)}
                y2={round(middle + barHeight / 2 + 4)}
                stroke={colours.previous}
                stroke-width="2"
              />
            )}
            <text
              class={score === null ? 'dimension-bars__none' : 'dimension-bars__score'}
              x={round(textX)}
              y={round(middle + 4)}
              text-anchor={afterAnchor}
              fill={score === null ? colours.muted : 'currentColor'}
              font-weight={score === null ? undefined : 'bold'}
            >
              {score === null ? notAssessedLabel : String(score)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
