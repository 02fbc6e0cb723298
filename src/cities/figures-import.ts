import { type CsvError, parse } from 'csv-parse/sync';
import type { Database } from '../db/database.ts';
import { foldName, slugify } from '../shared/text.ts';
import { citiesOfCountry } from './city.repo.ts';
import { figureInputSchema, type PlacedFigure } from './figure.schema.ts';
import { type FigureAuthor, type FiguresSummary, recordFigures } from './record-figures.command.ts';

/** A problem with one cell or line of a figures file; line 1 is the header. */
export interface FigureIssue {
  line: number;
  column?: string;
  message: string;
}

/** What an import of figures did, or would have done: nothing is written when `written` is false. */
export interface FiguresImportSummary extends FiguresSummary {
  failed: number;
  issues: FigureIssue[];
  written: boolean;
}

/** The columns of a figures file, in the order the template gives them. */
export const figureColumns = ['country', 'city', 'indicator', 'year', 'value', 'source_name', 'source_url', 'basis', 'note'] as const;
const requiredColumns = ['country', 'indicator', 'year', 'value', 'source_name'];

type Parsed = { line: number; record: Record<string, string> };

/** The rows of a CSV text with their line numbers, or the one issue that stops reading it. */
function readRows(text: string): { rows: Parsed[]; issues: FigureIssue[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      info: true,
      relax_column_count: false,
    });
  } catch (e) {
    const err = e as CsvError & { lines?: number };
    return { rows: [], issues: [{ line: err.lines ?? 1, message: `not a valid CSV file: ${err.message.replace(/^Invalid [^:]*: /, '')}` }] };
  }
  if (records.length === 0) return { rows: [], issues: [{ line: 1, message: 'no figures: the file needs a header line and one line per figure' }] };
  const header = Object.keys(records[0].record);
  const issues: FigureIssue[] = [];
  for (const c of requiredColumns)
    if (!header.includes(c)) issues.push({ line: 1, column: c, message: `missing column "${c}" (columns: ${figureColumns.join(', ')})` });
  for (const c of header)
    if (!(figureColumns as readonly string[]).includes(c))
      issues.push({ line: 1, column: c, message: `unknown column "${c}" (columns: ${figureColumns.join(', ')})` });
  return { rows: records.map((r) => ({ line: r.info.lines, record: r.record })), issues };
}

/** Finds recorded cities by slug or by name (accents and case aside), one country's list read once. */
function cityFinder(db: Database) {
  const byCountry = new Map<string, Promise<Map<string, string>>>();
  return async (country: string, city: string): Promise<string | undefined> => {
    let names = byCountry.get(country);
    if (!names) {
      names = citiesOfCountry(db, country).then((rows) => {
        const m = new Map<string, string>();
        for (const r of rows) {
          m.set(r.slug, r.slug);
          m.set(foldName(r.name), r.slug);
        }
        return m;
      });
      byCountry.set(country, names);
    }
    const known = await names;
    return known.get(city.toLowerCase()) ?? known.get(slugify(city)) ?? known.get(foldName(city));
  };
}

/**
 * Checks a CSV file of figures (one per line: country, city — empty for the country's own
 * figure —, indicator, year, value, source_name, source_url, basis, note) and records them.
 * Every problem is reported with its line and column; on any problem nothing is written,
 * unless `partial` asks to write the lines without one.
 * @example const summary = await importFigures(db, csvText, { partial: false, author: { name: 'cli:ana', userId: null }, source: 'figures.csv' });
 */
export async function importFigures(
  db: Database,
  text: string,
  options: { partial: boolean; author: FigureAuthor; source: string },
): Promise<FiguresImportSummary> {
  const { rows, issues } = readRows(text);
  const empty = { created: 0, updated: 0, unchanged: 0 };
  if (issues.length > 0) return { ...empty, failed: rows.length, issues, written: false };
  const findCity = cityFinder(db);
  const valid: PlacedFigure[] = [];
  const seen = new Map<string, number>();
  let failed = 0;
  for (const { line, record } of rows) {
    const before = issues.length;
    const parsed = figureInputSchema.safeParse(record);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ line, column: String(i.path[0] ?? ''), message: i.message });
    } else {
      const f = parsed.data;
      const slug = f.city ? await findCity(f.country, f.city) : null;
      if (slug === undefined) {
        issues.push({
          line,
          column: 'city',
          message: `no recorded city "${f.city}" in ${f.country} (see /countries/${f.country.toLowerCase()}); leave it empty for the country's own figure`,
        });
      } else {
        const key = `${f.country}|${slug ?? ''}|${f.indicator}|${f.year}`;
        const first = seen.get(key);
        if (first !== undefined) issues.push({ line, message: `the same place, indicator and year as line ${first}` });
        else {
          seen.set(key, line);
          valid.push({
            country: f.country,
            slug,
            indicator: f.indicator,
            year: f.year,
            value: f.value,
            parts: f.parts,
            source_name: f.source_name,
            source_url: f.source_url ?? null,
            basis: f.basis ?? null,
            note: f.note ?? null,
          });
        }
      }
    }
    if (issues.length > before) failed++;
  }
  if (issues.length > 0 && !options.partial) return { ...empty, failed, issues, written: false };
  const summary = await recordFigures(db, valid, options.author, { message: `Import of ${options.source}` });
  return { ...summary, failed, issues, written: true };
}
