import { z } from 'zod';
import { storable, storableString, unstorableProblem } from '../shared/storable-text.ts';
import { figureIndicator, valueRange } from './figure-indicators.ts';
import { type FigurePart, isListIndicator, readParts } from './figure-parts.ts';

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
    // A number, or for a list indicator (the top countries of birth) its pairs: read once the indicator is known.
    value: z.preprocess(
      (v) => (typeof v === 'number' ? String(v) : v),
      fileText().trim().min(1, 'a number, e.g. 12.5 (a point for decimals)').max(300, 'at most 300 characters'),
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
  .transform(({ value: typed, ...f }, ctx) => {
    const indicator = figureIndicator(f.indicator);
    const problem = (message: string) => {
      ctx.addIssue({ code: 'custom', path: ['value'], message });
      return z.NEVER;
    };
    if (!indicator) return z.NEVER;
    if (isListIndicator(indicator)) {
      const read = readParts(typed);
      if ('problem' in read) return problem(read.problem);
      return { ...f, value: read.parts.reduce((sum, p) => sum + p.count, 0), parts: read.parts };
    }
    const value = Number(typed.replace(/[\s\u00a0]/g, ''));
    if (!Number.isFinite(value) || /^[\s\u00a0]*$/.test(typed)) return problem('a number, e.g. 12.5 (a point for decimals)');
    const { min, max, integer } = valueRange(indicator);
    if (value < min || value > max) return problem(`between ${min} and ${max} for ${indicator.code} (unit: ${indicator.unit})`);
    if (integer && !Number.isInteger(value)) return problem(`a whole number for ${indicator.code}`);
    return { ...f, value, parts: null as FigurePart[] | null };
  });

export type FigureInput = z.infer<typeof figureInputSchema>;

/** A figure with its place resolved: a recorded city (slug), or the country itself (slug null). */
export interface PlacedFigure {
  country: string;
  slug: string | null;
  indicator: string;
  year: number;
  value: number;
  /** The pairs of a list figure (top countries of birth), largest first; null for one number. */
  parts: FigurePart[] | null;
  source_name: string;
  source_url: string | null;
  basis: string | null;
  note: string | null;
}
