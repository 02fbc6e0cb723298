import type { z } from 'zod';
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
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][\w]*$/.test(String(s)) ? `${i === 0 ? '' : '.'}${String(s)}` : `[${JSON.stringify(String(s))}]`))
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
  return zodIssues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ path: jsonPath([...prefix, ...i.path, key]), message: 'unknown field' }));
    const missing = (i.code === 'invalid_type' || i.code === 'invalid_value') && i.path.length > 0 && valueAt(input, i.path) === undefined;
    return [{ path: jsonPath([...prefix, ...i.path]) || '$', message: missing ? 'is required' : i.message }];
  });
}

/** The document's records, not checked yet, or the problems that make the whole document unusable. */
function parseDocument(text: string): { practices: unknown[] } | ValidatedExchange {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { records: [], invalidIndexes: new Set(), issues: [{ path: '$', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const doc = exchangeDocumentSchema.safeParse(json);
  if (!doc.success) return { records: [], invalidIndexes: new Set(), issues: toIssues(doc.error.issues, json, []) };
  return doc.data;
}

/** Checks records one by one, in file order, collecting the valid ones and every problem. */
class RecordChecker implements ValidatedExchange {
  readonly records: PracticeRecord[] = [];
  readonly issues: ImportIssue[] = [];
  readonly invalidIndexes = new Set<number>();
  readonly #seen = new Map<string, number>();

  check(raw: unknown, index: number): void {
    const parsed = practiceRecordSchema.safeParse(raw);
    if (!parsed.success) {
      this.invalidIndexes.add(index);
      this.issues.push(...toIssues(parsed.error.issues, raw, ['practices', index]));
      return;
    }
    const first = this.#seen.get(parsed.data.id);
    if (first !== undefined) {
      this.invalidIndexes.add(index);
      this.issues.push({ path: `practices[${index}].id`, message: `duplicate id "${parsed.data.id}" (first at practices[${first}])` });
      return;
    }
    this.#seen.set(parsed.data.id, index);
    this.records.push(parsed.data);
  }

  result(): ValidatedExchange {
    return { records: this.records, invalidIndexes: this.invalidIndexes, issues: this.issues };
  }
}

/**
 * Parses and validates a whole exchange document before anything is written, collecting every
 * error with its JSON path (`practices[12].themes[0]: unknown theme "housng"`).
 * @example const { records, issues } = validateExchange(fs.readFileSync(file, 'utf8'));
 */
export function validateExchange(text: string): ValidatedExchange {
  const doc = parseDocument(text);
  if (!('practices' in doc)) return doc;
  const checker = new RecordChecker();
  doc.practices.forEach((raw, index) => checker.check(raw, index));
  return checker.result();
}

/**
 * validateExchange a few hundred records at a time, handing each step's valid records to
 * `onValid` (with the document's number of records) and letting other work run in between: a
 * bulk import computes their search vectors on other cores meanwhile. Same result as validateExchange.
 * @example const validated = await validateExchangeInSteps(text, (records) => stager.stage(records));
 */
export async function validateExchangeInSteps(text: string, onValid: (records: PracticeRecord[], total: number) => void, step = 500): Promise<ValidatedExchange> {
  const doc = parseDocument(text);
  if (!('practices' in doc)) return doc;
  const checker = new RecordChecker();
  for (let start = 0; start < doc.practices.length; start += step) {
    const before = checker.records.length;
    for (let index = start; index < Math.min(start + step, doc.practices.length); index++) checker.check(doc.practices[index], index);
    onValid(checker.records.slice(before), doc.practices.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return checker.result();
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
