import { type Selectable, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { PublicProfilesView } from '../db/schema.ts';
import { foldName } from '../shared/text.ts';

/**
 * A person as anyone may see them: a row of the `public_profiles` view (migration 0024), which
 * holds only opted-in, active people and has no email column. Every read of people for a page,
 * the API or an export goes through it.
 */
export type PublicPerson = Omit<Selectable<PublicProfilesView>, 'search_text'>;

/** What the list of people can be narrowed to. */
export interface PeopleFilter {
  q?: string;
  theme?: string;
  country?: string;
  language?: string;
}

const shown = [
  'p.id',
  'p.slug',
  'p.name',
  'p.job_title',
  'p.organization',
  'p.city',
  'p.country',
  'p.languages',
  'p.expertise',
  'p.bio',
  'p.published_at',
] as const;

function filtered(db: Database, f: PeopleFilter) {
  let q = db.selectFrom('public_profiles as p');
  if (f.theme) q = q.where(sql<boolean>`p.expertise @> ARRAY[${f.theme}]::text[]`);
  if (f.country) q = q.where('p.country', '=', f.country);
  if (f.language) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM unnest(p.languages) l WHERE lower(l) = ${f.language.toLowerCase()})`);
  // Every word of the query, accents and case folded, somewhere in the name, organisation, job title or bio.
  for (const word of (f.q ? foldName(f.q) : '').split(/\s+/).filter(Boolean))
    q = q.where('p.search_text', 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q;
}

/**
 * A page of the people who chose a public profile, by name, and how many match in all.
 * `after` starts the page after a person's (lower-cased name, id) instead of at an offset.
 * @example const { items, total } = await listPeople(db, { theme: 'housing' }, 0, 20);
 */
export async function listPeople(
  db: Database,
  f: PeopleFilter,
  offset: number,
  limit: number,
  after?: readonly [name: string, id: number | string],
): Promise<{ items: PublicPerson[]; total: number }> {
  const [items, count] = await Promise.all([
    filtered(db, f)
      .select(shown)
      // Keyset paging (the API's cursor): after this name (compared lower-cased, as sorted) and id.
      .$if(after !== undefined, (q) => q.where(sql<boolean>`(lower(p.name), p.id) > (lower(${after?.[0]}::text), ${after?.[1]}::bigint)`))
      .orderBy(sql`lower(p.name)`)
      .orderBy('p.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The person with this public profile, undefined when there is none (never opted in, withdrawn, disabled or deleted). */
export function findPublicPerson(db: Database, slug: string): Promise<PublicPerson | undefined> {
  return db.selectFrom('public_profiles as p').select(shown).where('p.slug', '=', slug).executeTakeFirst();
}

/** The countries and the languages people with a public profile give: the list's filter choices. */
export async function peopleFilterChoices(db: Database): Promise<{ countries: string[]; languages: string[] }> {
  const [countries, languages] = await Promise.all([
    sql<{ country: string }>`SELECT DISTINCT country FROM public_profiles WHERE country IS NOT NULL`.execute(db),
    // Languages are typed freely: one choice per spelling that differs in more than case.
    sql<{ language: string }>`SELECT min(l) AS language FROM public_profiles, unnest(languages) l GROUP BY lower(l) ORDER BY lower(l)`.execute(db),
  ]);
  return { countries: countries.rows.map((r) => r.country), languages: languages.rows.map((r) => r.language) };
}

/** Where a mail to a person goes, and in which language: for the mail queue only, never for a page. */
export interface MailAddressee {
  id: number;
  email: string;
  name: string;
  locale: string;
}

/**
 * The address of a person who has a public profile (so who may be written to), undefined for
 * anyone else.
 * @example const to = await addresseeOfPublicPerson(db, 'ana-lopez');
 */
export function addresseeOfPublicPerson(db: Database, slug: string): Promise<MailAddressee | undefined> {
  return db
    .selectFrom('public_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.id')
    .select(['u.id', 'u.email', 'u.name', 'u.locale'])
    .where('p.slug', '=', slug)
    .executeTakeFirst();
}

/** Who writes to a person: the name and organisation the mail introduces them by, and their address for replies. */
export interface Sender extends MailAddressee {
  organization: string | null;
}

/** The signed-in person writing a message, as the mail presents them. */
export function findSender(db: Database, userId: number): Promise<Sender | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'organization'])
    .where('id', '=', userId)
    .where('state', '=', 'active')
    .executeTakeFirst();
}

/** Which of these slugs name a public profile. */
export async function existingProfileSlugs(db: Database, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db
    .selectFrom('public_profiles')
    .select('slug')
    .where('slug', 'in', [...new Set(slugs)])
    .execute();
  return new Set(rows.map((r) => r.slug));
}
