import countries from 'i18n-iso-countries';
import type { FigurePart } from '../db/schema.ts';

export type { FigurePart };

/** The indicators whose figure is a list of pairs (a country of birth and a count), not one number. */
const listIndicators = new Set(['top-countries-of-birth']);
/** How many pairs a list figure holds at most (framework README: five). */
export const maxParts = 5;

/** Whether figures of an indicator are lists of pairs. */
export function isListIndicator(indicator: { code: string }): boolean {
  return listIndicators.has(indicator.code);
}

/**
 * Reads the pairs of a list figure as typed in a form or a CSV cell: up to five pairs of an
 * ISO 3166-1 alpha-3 code and a whole count, separated by semicolons, largest first once read.
 * Returns the problem in words when the text is not such a list.
 * @example readParts('TUR 97000; SYR 45,000') // { parts: [{ country: 'TUR', count: 97000 }, { country: 'SYR', count: 45000 }] }
 */
export function readParts(text: string): { parts: FigurePart[] } | { problem: string } {
  const pieces = text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const example = 'pairs of a country code and a count, separated by semicolons, e.g. TUR 97000; SYR 45000';
  if (pieces.length === 0) return { problem: example };
  if (pieces.length > maxParts) return { problem: `at most ${maxParts} ${example}` };
  const parts: FigurePart[] = [];
  for (const piece of pieces) {
    const m = /^([A-Za-z]{3})\s*[:=]?\s*([\d\s\u00a0,.']+)$/.exec(piece);
    if (!m) return { problem: `“${piece.slice(0, 40)}” is not a country code and a count: ${example}` };
    const country = m[1].toUpperCase();
    if (!countries.alpha3ToAlpha2(country)) return { problem: `${country} is not an ISO 3166-1 alpha-3 country code (e.g. TUR, SYR, POL)` };
    const digits = m[2].replace(/[\s\u00a0,.']/g, '');
    const count = Number(digits);
    if (!/^\d{1,9}$/.test(digits) || !Number.isSafeInteger(count)) return { problem: `the count of ${country} is not a whole number below a billion` };
    if (parts.some((p) => p.country === country)) return { problem: `${country} is listed twice` };
    parts.push({ country, count });
  }
  return { parts: parts.sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1)) };
}

/** The pairs as a CSV cell or a form holds them, readable back by `readParts`. */
export function partsText(parts: FigurePart[]): string {
  return parts.map((p) => `${p.country} ${p.count}`).join('; ');
}

/** The pairs of a stored figure: parsed from JSON text (PGlite and pg differ), [] for none. */
export function storedParts(value: FigurePart[] | string | null | undefined): FigurePart[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'string' ? (JSON.parse(value) as FigurePart[]) : value;
}

/** The two-letter code of a country of birth (for its name in the reader's language), undefined when unknown. */
export function alpha2Of(alpha3: string): string | undefined {
  return countries.alpha3ToAlpha2(alpha3) ?? undefined;
}
