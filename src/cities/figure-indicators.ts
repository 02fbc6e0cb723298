import { type OutcomeIndicator, outcomeIndicators } from '../framework/framework.ts';

/**
 * The indicators a figure can be recorded for: every context and outcome indicator of the
 * framework (one number a year, or for the top countries of birth up to five pairs).
 */
export const figureIndicators: OutcomeIndicator[] = outcomeIndicators;

const byCode = new Map(figureIndicators.map((i) => [i.code, i]));

/** The indicator of a code, undefined when figures cannot be recorded for it. */
export function figureIndicator(code: string): OutcomeIndicator | undefined {
  return byCode.get(code);
}

/**
 * Gap indicators are foreign-born minus native-born: for them "%" means percentage points
 * and a value may be negative (framework README, data entry rules).
 */
export function isGap(indicator: Pick<OutcomeIndicator, 'code'>): boolean {
  return indicator.code.endsWith('-gap');
}

/** The values a figure of an indicator may take, from its unit: what an entry is checked against. */
export function valueRange(indicator: OutcomeIndicator): { min: number; max: number; integer: boolean } {
  if (indicator.unit === '%') return isGap(indicator) ? { min: -100, max: 100, integer: false } : { min: 0, max: 100, integer: false };
  if (indicator.unit === 'count') return { min: 0, max: 100_000_000, integer: true };
  if (indicator.unit === 'per 1,000 residents') return { min: 0, max: 1000, integer: false };
  if (indicator.unit === 'years') return { min: 0, max: 120, integer: false };
  return { min: 0, max: 1000, integer: false };
}
