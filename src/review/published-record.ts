import type { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { findPublishedPractice } from '../practices/practice.repo.ts';
import { type PracticeRecord, practiceRecordSchema } from '../practices/practice.schema.ts';
import { slugify } from '../shared/text.ts';
import type { Submission } from '../submissions/submission.repo.ts';
import { takenPracticeIds } from './review.repo.ts';

/** Why a submission cannot be published as it is: a field missing or invalid, or the practice a translation is for gone. */
export interface PublishProblem {
  /** Path in the record (`title`, `sources.0.url`), or `practice` for a translation whose practice is gone. */
  field: string;
  kind: 'missing' | 'invalid' | 'practice_gone';
  /** The exchange format's own wording of the problem. */
  detail?: string;
}

/** How a problem travels in the bad-request error's fields (`path`, `message`): the one encoding, both ways. */
const missingMessage = 'missing';
const goneMessage = 'the practice this translation is for is no longer published';

/**
 * The error a refused publication throws: 400 with one field per problem (a missing field says
 * "missing", an invalid one the format's wording), so a problem document lists them too.
 */
function publishRefused(problems: PublishProblem[]): AppError {
  const fields = problems.map((p) => ({
    path: p.field,
    message: p.kind === 'missing' ? missingMessage : p.kind === 'practice_gone' ? goneMessage : (p.detail ?? ''),
  }));
  return badRequest('the submission is not a valid practice record', fields);
}

/**
 * The problems a refused publication carries, as the editor's page lists them; undefined for
 * any other error.
 * @example const problems = publishProblems(error); if (problems) return show(c, account, submission, { problems }, 400);
 */
export function publishProblems(error: unknown): PublishProblem[] | undefined {
  if (!(error instanceof AppError && error.code === 'bad_request' && error.fields)) return undefined;
  return error.fields.map((f): PublishProblem => {
    if (f.path === 'practice' && f.message === goneMessage) return { field: 'practice', kind: 'practice_gone' };
    return f.message === missingMessage ? { field: f.path, kind: 'missing' } : { field: f.path, kind: 'invalid', detail: f.message };
  });
}

/** Longest id made from a title, leaving room for a "-2" suffix within the format's 80. */
const maxBaseLength = 60;

/** A slug of lowercase a–z, 0–9 and single hyphens; other scripts drop out (ids are ASCII). */
function asciiSlug(text: string): string {
  return slugify(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cuts a slug to `max` characters at a hyphen when it can, so no word is cut in half. */
function cutSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const atWord = slug.slice(0, max + 1).replace(/-[^-]*$/, '');
  return (atWord || slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * Ids to try for a new practice, best first: the title's slug, then with the city's slug (a
 * second "Welcome desk" is better told apart by its city than by a number), then -2, -3…
 * A title in a script without Latin letters falls back to the city, then to "practice".
 * @example practiceIdCandidates('Welcome desk', 'Turin').slice(0, 3) // ['welcome-desk', 'welcome-desk-turin', 'welcome-desk-2']
 */
export function* practiceIdCandidates(title: string, city?: string): Generator<string> {
  const citySlug = city ? cutSlug(asciiSlug(city), 30) : '';
  const titleSlug = cutSlug(asciiSlug(title), maxBaseLength);
  const base = titleSlug.length >= 3 ? titleSlug : citySlug.length >= 3 ? `practice-${citySlug}` : 'practice';
  yield base;
  if (citySlug && !base.split('-').join(' ').includes(citySlug.split('-').join(' '))) {
    yield `${cutSlug(base, maxBaseLength - citySlug.length - 1)}-${citySlug}`;
  }
  for (let n = 2; ; n++) yield `${base}-${n}`;
}

/** A free id for a new practice, read inside the publishing transaction (which holds the publishing lock). */
async function freePracticeId(trx: Database, title: string, city?: string): Promise<string> {
  const candidates = practiceIdCandidates(title, city);
  const base = candidates.next().value as string;
  const taken = await takenPracticeIds(trx, base);
  if (!taken.has(base)) return base;
  for (const id of candidates) {
    // Ids that start with the base were in the first read; a shortened base with a city was not.
    const known = id.startsWith(`${base}-`) ? taken : await takenPracticeIds(trx, id);
    if (!known.has(id)) return id;
  }
  throw new Error('unreachable: the candidates never end');
}

/**
 * The record fields a submission's draft holds: the form's private `_…` leftovers and any id
 * dropped, the link to the adapted practice added when the draft does not carry it yet.
 */
export function draftRecordFields(s: Submission): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(s.data).filter(([k]) => !k.startsWith('_') && k !== 'id'));
  if (s.adaptedFromId && !Array.isArray(fields.adapted_from)) fields.adapted_from = [{ id: s.adaptedFromId }];
  return fields;
}

/** The zod issues of a record as problems an editor can read and ask the submitter to fix. */
function problemsOf(error: z.ZodError, record: Record<string, unknown>): PublishProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return { field: issue.keys.join(', '), kind: 'invalid', detail: issue.message };
    const missing = path.length === 1 && (record[path[0]] === undefined || record[path[0]] === '');
    return missing ? { field: path[0], kind: 'missing' } : { field: path.join('.') || 'record', kind: 'invalid', detail: issue.message };
  });
}

/** Validates a record with the exchange format; the parsed (trimmed) record, or a thrown publishRefused. */
function validRecord(record: Record<string, unknown>): PracticeRecord {
  const parsed = practiceRecordSchema.safeParse(record);
  if (!parsed.success) throw publishRefused(problemsOf(parsed.error, record));
  return parsed.data;
}

/** A new practice from a practice (or adaptation) submission, with a fresh id and today as `updated`. */
export async function newPracticeRecord(trx: Database, s: Submission): Promise<PracticeRecord> {
  const fields: Record<string, unknown> = { ...draftRecordFields(s), updated: new Date().toISOString().slice(0, 10) };
  // Checked with a stand-in id first, so an invalid draft does not cost an id lookup.
  validRecord({ id: 'pending-id', ...fields });
  const title = typeof fields.title === 'string' ? fields.title : '';
  const city = typeof fields.city === 'string' ? fields.city : undefined;
  return validRecord({ id: await freePracticeId(trx, title, city), ...fields });
}

/**
 * The practice with the translation merged in: that language's entry is replaced, keeping the
 * texts the new translation leaves empty from the previous one.
 */
export async function translatedRecord(trx: Database, s: Submission): Promise<PracticeRecord> {
  const practice = s.practiceId ? await findPublishedPractice(trx, s.practiceId) : undefined;
  const lang = s.translationLanguage;
  if (!practice || !lang) throw publishRefused([{ field: 'practice', kind: 'practice_gone' }]);
  const previous = practice.record.translations?.[lang] ?? {};
  const text = (key: 'title' | 'summary' | 'body') => {
    const value = s.data[key];
    return typeof value === 'string' && value.trim() ? value : previous[key];
  };
  const entry = Object.fromEntries(
    Object.entries({
      title: text('title'),
      summary: text('summary'),
      body: text('body'),
      machine: typeof s.data.machine === 'boolean' ? s.data.machine : previous.machine,
    }).filter(([, v]) => v !== undefined),
  );
  return validRecord({ ...practice.record, translations: { ...practice.record.translations, [lang]: entry } });
}
