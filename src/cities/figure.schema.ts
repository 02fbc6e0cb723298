import { z } from 'zod';
import { storable, storableString, unstorableProblem } from '../shared/storable-text.ts';
import { figureIndicator, valueRange } from './figure-indicators.ts';

/** A blank cell is an absent value, not an empty string or a zero. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Text of a file: a character no text may hold is named in words, where it is. */
const fileText = () => storableString((text) => unstorableProblem(text) ?? 'cannot be stored');

const optionalText = (max: number) => z.preprocess(blankToUndefined, fileText().trim().max(max, `at most ${max} characters`).optional());

/** The latest year a figure may refer to: this one (figures are measured, never forecast). */
export const latestFigureYear = () => new Date().getUTCFullYear();

/**
 * One figure as entered (a row of a CSV file, a form): the place (a country, and a city by its
 * name or slug — none for the country's own figure), the indicator's code, the year, the value
 * in the indicator's unit, and where it comes from. The value is checked against the unit.
 */
export const figureInputSchema = z
  .object({
    country: fileText()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'a two-letter country code (ISO 3166-1), e.g. DE'),
    city: optionalText(200),
    indicator: fileText()
      .trim()
      .refine((code) => figureIndicator(code) !== undefined, 'an indicator code of the framework, e.g. employment-rate-gap (see /self-assessment)'),
    year: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: 'a year, e.g. 2023' })
        .int('a year, e.g. 2023')
        .min(1900, 'a year from 1900')
        .refine((y) => y <= latestFigureYear(), 'a year that has begun'),
    ),
    value: z.preprocess(
      (v) => (typeof v === 'string' ? blankToUndefined(v.replace(/[\s\u00a0]/g, '')) : v),
      z.coerce.number({ message: 'a number, e.g. 12.5 (a point for decimals)' }).finite('a number, e.g. 12.5'),
    ),
    source_name: z
      .string({ message: 'the name of the source, e.g. "Statistics Office, population register"' })
      .check(storable((text) => unstorableProblem(text) ?? 'cannot be stored'))
      .trim()
      .min(1, 'the name of the source')
      .max(200, 'at most 200 characters'),
    source_url: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https?$/, message: 'a web address starting with http:// or https://' })
        .max(2000)
        .optional(),
    ),
    basis: optionalText(300),
    note: optionalText(1000),
  })
  .superRefine((f, ctx) => {
    const indicator = figureIndicator(f.indicator);
    if (!indicator) return;
    const { min, max, integer } = valueRange(indicator);
    if (f.value < min || f.value > max)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `between ${min} and ${max} for ${indicator.code} (unit: ${indicator.unit})` });
    else if (integer && !Number.isInteger(f.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: `a whole number for ${indicator.code}` });
  });

export type FigureInput = z.infer<typeof figureInputSchema>;

/** A figure with its place resolved: a recorded city (slug), or the country itself (slug null). */
export interface PlacedFigure {
  country: string;
  slug: string | null;
  indicator: string;
  year: number;
  value: number;
  source_name: string;
  source_url: string | null;
  basis: string | null;
  note: string | null;
}
