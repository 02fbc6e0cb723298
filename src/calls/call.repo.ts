import { type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CallsTable, DB } from '../db/schema.ts';
import { type Question, questionsOf, type Rubric, rubricOf } from './call-form.schema.ts';

/** A database or the transaction a command runs in. */
export type Executor = Database | Transaction<DB>;

/** A call as stored, its form and rubric read and checked. */
export type CallRow = Omit<Selectable<CallsTable>, 'questions' | 'rubric'> & { questions: Question[]; rubric: Rubric };

/** The tabs of /calls: open now, opening later, closed. */
export const callTabs = ['open', 'upcoming', 'closed'] as const;
export type CallTab = (typeof callTabs)[number];

/** The columns a call's form writes. */
export interface CallColumns {
  title: string;
  description: string;
  eligible: string[];
  themes: string[];
  opens_at: Date;
  closes_at: Date;
  time_zone: string;
  questions: Question[];
  rubric: Rubric;
  reviewers_per_application: number;
  languages: string[];
}

const read = (row: Selectable<CallsTable>): CallRow => ({ ...row, id: Number(row.id), questions: questionsOf(row.questions), rubric: rubricOf(row.rubric) });

/** The call with this slug, or undefined. */
export async function findCall(db: Executor, slug: string): Promise<CallRow | undefined> {
  const row = await db.selectFrom('calls').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? read(row) : undefined;
}

/** The call with this slug, locked until the transaction ends (a publish and a save never cross). */
export async function lockCall(trx: Transaction<DB>, slug: string): Promise<CallRow | undefined> {
  const row = await trx.selectFrom('calls').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
  return row ? read(row) : undefined;
}

/** `base`, or `base-2`, `base-3`… : the first slug no call has. */
export async function freeCallSlug(db: Executor, base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('calls')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

const stored = (c: CallColumns) => ({ ...c, questions: JSON.stringify(c.questions), rubric: JSON.stringify(c.rubric) });

/** Records a new draft call; returns its id. */
export async function insertCall(db: Executor, slug: string, c: CallColumns, createdBy: number | null, example = false): Promise<number> {
  const row = await db
    .insertInto('calls')
    .values({ slug, ...stored(c), created_by: createdBy, example })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Replaces a call's form fields. */
export async function updateCall(db: Executor, id: number, c: CallColumns): Promise<void> {
  await db
    .updateTable('calls')
    .set({ ...stored(c), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Marks a call published: its form and rubric are frozen from now on. */
export async function markCallPublished(db: Executor, id: number): Promise<void> {
  await db.updateTable('calls').set({ state: 'published', updated_at: new Date() }).where('id', '=', id).execute();
}

/** A call as /calls lists it. */
export interface ListedCall {
  slug: string;
  title: string;
  opens_at: Date;
  closes_at: Date;
  time_zone: string;
  eligible: string[];
  example: boolean;
  state: 'draft' | 'published';
}

/**
 * Published calls of a tab at `now`: open ones closing soonest first, upcoming ones opening
 * soonest first, closed ones latest first.
 */
export async function listCalls(db: Executor, tab: CallTab, now: Date): Promise<ListedCall[]> {
  let q = db
    .selectFrom('calls')
    .select(['slug', 'title', 'opens_at', 'closes_at', 'time_zone', 'eligible', 'example', 'state'])
    .where('state', '=', 'published');
  if (tab === 'open') q = q.where('opens_at', '<=', now).where('closes_at', '>', now).orderBy('closes_at', 'asc');
  else if (tab === 'upcoming') q = q.where('opens_at', '>', now).orderBy('opens_at', 'asc');
  else q = q.where('closes_at', '<=', now).orderBy('closes_at', 'desc');
  return q.orderBy('id').limit(200).execute();
}

/** Draft calls, newest first, for the coordinators' part of /calls. */
export async function listDraftCalls(db: Executor): Promise<ListedCall[]> {
  return db
    .selectFrom('calls')
    .select(['slug', 'title', 'opens_at', 'closes_at', 'time_zone', 'eligible', 'example', 'state'])
    .where('state', '=', 'draft')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

/** The figures and selected applicants a call's page shows once its decisions are released. */
export interface CallOutcome {
  applications: number;
  countries: number;
  selected: number;
  /** The selected applicants who agreed to be named, by name. */
  named: { name: string; city: string | null; country: string | null }[];
}

/** What came of a call: submitted applications, their countries, the selected, and those of them who consented to be named. */
export async function callOutcome(db: Executor, callId: number): Promise<CallOutcome> {
  const figures = await db
    .selectFrom('applications')
    .select([
      sql<string>`count(*)`.as('applications'),
      sql<string>`count(DISTINCT country)`.as('countries'),
      sql<string>`count(*) FILTER (WHERE decision = 'selected')`.as('selected'),
    ])
    .where('call_id', '=', callId)
    .where('state', '=', 'submitted')
    .executeTakeFirstOrThrow();
  const named = await db
    .selectFrom('applications')
    .select(['name', 'city', 'country'])
    .where('call_id', '=', callId)
    .where('state', '=', 'submitted')
    .where('decision', '=', 'selected')
    .where('consent_public', '=', true)
    .orderBy('name')
    .execute();
  return { applications: Number(figures.applications), countries: Number(figures.countries), selected: Number(figures.selected), named };
}
