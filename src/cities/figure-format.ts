import type { OutcomeIndicator } from '../framework/framework.ts';
import { regionDisplayName } from '../i18n/display-names.ts';
import type { Translator } from '../i18n/i18n.ts';
import { isGap } from './figure-indicators.ts';
import { alpha2Of } from './figure-parts.ts';

/**
 * A figure's value with its unit, in the reader's number format: "15.2 %", "−3.4 percentage
 * points" (a gap's "%" is in points), "12.5 per 1,000 residents", "3,670,000".
 * @example figureText(i18n, indicator, -3.4) // "−3.4 percentage points"
 */
export function figureText(i18n: Translator, indicator: OutcomeIndicator, value: number): string {
  const n = figureNumber(i18n, indicator, value);
  if (indicator.unit === '%') return isGap(indicator) ? i18n.t('figures.unit.points', { value: n }) : i18n.t('figures.unit.percent', { value: n });
  if (indicator.unit === 'per 1,000 residents') return i18n.t('figures.unit.per_thousand', { value: n });
  if (indicator.unit === 'years') return i18n.t('figures.unit.years', { value: n });
  return n;
}

/** The number alone, as on a chart's axis: signed for gaps, at most one decimal (two for ratios). */
export function figureNumber(i18n: Translator, indicator: OutcomeIndicator, value: number): string {
  const digits = indicator.unit === 'ratio' ? 2 : indicator.unit === 'count' ? 0 : 1;
  return i18n.number(value, { maximumFractionDigits: digits, ...(isGap(indicator) ? { signDisplay: 'exceptZero' } : {}) });
}

/** A table cell: the number alone where the unit line above says it in words (gaps, rates, years), else with its unit. */
export function figureCell(i18n: Translator, indicator: OutcomeIndicator, value: number): string {
  return indicator.unit === '%' && !isGap(indicator) ? figureText(i18n, indicator, value) : figureNumber(i18n, indicator, value);
}

/** An axis label: large counts in short form ("3.8M", "380K"), so they fit beside the chart. */
export function axisNumber(i18n: Translator, indicator: OutcomeIndicator, value: number): string {
  if (indicator.unit === 'count' && Math.abs(value) >= 10_000) return i18n.number(value, { notation: 'compact', maximumFractionDigits: 2 });
  return figureNumber(i18n, indicator, value);
}

/** The unit as a heading says it: "percentage points" for gaps, the unit's own words otherwise. */
export function unitText(i18n: Translator, indicator: OutcomeIndicator, translatedUnit: string): string {
  return isGap(indicator) ? i18n.t('figures.unit.points_name') : translatedUnit;
}

/** A country of birth in the reader's language, its ISO code where the language has no name for it. */
export function countryOfBirthName(locale: string, alpha3: string): string {
  const alpha2 = alpha2Of(alpha3);
  return alpha2 ? regionDisplayName(alpha2, locale) : alpha3;
}
