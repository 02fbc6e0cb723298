import type { z } from 'zod';
import { escapedUnstorable } from '../../shared/storable-text.ts';
import { exchangeDocumentSchema, type PracticeRecord, practiceRecordSchema } from '../practice.schema.ts';

/** One problem in an exchange file, located by its JSON path. */
export interface ImportIssue {
  path: string;
  message: string;
}

/** A validated exchange file: the valid records, and every problem found, in file order. */
export interface ValidatedExchange {
  records: PracticeRecord[];
  invalidIndexes: Set<number>;
  issues: ImportIssue[];
}

function jsonPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) =>
      typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][\w]*$/.test(String(s)) ? `${i === 0 ? '' : '.'}${String(s)}` : `[${JSON.stringify(String(s))}]`,
    )
    .join('');
}

/** The value at a path inside parsed JSON, or undefined when the path does not exist. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Turns zod issues on `input` into located problems, in words a person fixing the file
 * understands: an unknown field is reported at its own path (`practices[3].titel: unknown
 * field`), one per field, so a typo points at itself; a missing field reads "is required"
 * rather than "expected string, received undefined".
 */
function toIssues(zodIssues: readonly z.core.$ZodIssue[], input: unknown, prefix: PropertyKey[]): ImportIssue[] {
  const issues = zodIssues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ path: jsonPath([...prefix, ...i.path, key]), message: 'unknown field' }));
    const missing = (i.code === 'invalid_type' || i.code === 'invalid_value') && i.path.length > 0 && valueAt(input, i.path) === undefined;
    return [{ path: jsonPath([...prefix, ...i.path]) || '$', message: missing ? 'is required' : i.message }];
  });
  // A message quoting the file ("unknown theme "…"") writes a character no text may hold as an escape.
  return issues.map((i) => ({ path: escapedUnstorable(i.path), message: escapedUnstorable(i.message) }));
}

/**
 * Parses and validates a whole exchange document before anything is written, collecting every
 * error with its JSON path (`practices[12].themes[0]: unknown theme "housng"`).
 * @example const { records, issues } = validateExchange(fs.readFileSync(file, 'utf8'));
 */
export function validateExchange(text: string): ValidatedExchange {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { records: [], invalidIndexes: new Set(), issues: [{ path: '$', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const doc = exchangeDocumentSchema.safeParse(json);
  if (!doc.success) {
    return {
      records: [],
      invalidIndexes: new Set(),
      issues: toIssues(doc.error.issues, json, []),
    };
  }
  const records: PracticeRecord[] = [];
  const issues: ImportIssue[] = [];
  const invalidIndexes = new Set<number>();
  const seen = new Map<string, number>();
  doc.data.practices.forEach((raw, index) => {
    const parsed = practiceRecordSchema.safeParse(raw);
    if (!parsed.success) {
      invalidIndexes.add(index);
      issues.push(...toIssues(parsed.error.issues, raw, ['practices', index]));
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      invalidIndexes.add(index);
      issues.push({ path: `practices[${index}].id`, message: `duplicate id "${parsed.data.id}" (first at practices[${first}])` });
      return;
    }
    seen.set(parsed.data.id, index);
    records.push(parsed.data);
  });
  return { records, invalidIndexes, issues };
}

/**
 * How many records failed validation; a document that fails as a whole (not JSON, wrong
 * format) counts as one failure, so a summary never reports "0 failed" next to errors.
 * @example countFailed(validateExchange('{')) // 1
 */
export function countFailed(v: ValidatedExchange): number {
  return v.invalidIndexes.size + (v.records.length === 0 && v.issues.length > 0 && v.invalidIndexes.size === 0 ? 1 : 0);
}

/** Formats issues one per line, as the CLI and the admin report print them. */
export function formatIssues(issues: ImportIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
