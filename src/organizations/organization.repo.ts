import { type Selectable, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { OrganizationsTable } from '../db/schema.ts';
import { foldName } from '../shared/text.ts';

/** An organisation as stored. */
export type OrganizationRow = Selectable<OrganizationsTable>;

/** An organisation as lists show it: with how many practices name it. */
export type ListedOrganization = OrganizationRow & { practices: number };

/** What the directory can be narrowed to. */
export interface OrganizationFilter {
  q?: string;
  type?: string;
  theme?: string;
  region?: string;
  country?: string;
}

/** An organisation to record: what the seed and editors give (the rest the database fills). */
export type NewOrganization = Pick<
  OrganizationRow,
  'slug' | 'name' | 'acronym' | 'type' | 'city' | 'country' | 'region' | 'url' | 'languages' | 'themes' | 'description' | 'founded'
>;

/** The names a practice may give the organisation by: its name and its acronym, lower-cased. */
const namesOf = sql<string[]>`array_remove(ARRAY[lower(o.name), lower(o.acronym)], NULL)`;

/** Practices naming the organisation `o` as lead or partner (the indexes of migration 0021). */
const namingPractices = sql`(lower(p.lead_organization) = ANY(${namesOf}) OR practice_partner_names(p.record) && ${namesOf})`;

function filtered(db: Database, f: OrganizationFilter) {
  let q = db.selectFrom('organizations as o');
  if (f.type) q = q.where('o.type', '=', f.type);
  if (f.country) q = q.where('o.country', '=', f.country);
  if (f.region) q = q.where('o.region', '=', f.region);
  if (f.theme) q = q.where(sql<boolean>`o.themes @> ARRAY[${f.theme}]::text[]`);
  // Every word of the query, accents and case folded, somewhere in the name, acronym, city or description (a trigram index).
  for (const word of (f.q ? foldName(f.q) : '').split(/\s+/).filter(Boolean))
    q = q.where('o.search_text', 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q;
}

/**
 * A page of the directory, by name, with the number of practices naming each organisation, and
 * how many organisations match in all.
 * @example const { items, total } = await listOrganizations(db, { type: 'academia' }, 0, 20);
 */
export async function listOrganizations(
  db: Database,
  f: OrganizationFilter,
  offset: number,
  limit: number,
  after?: readonly [name: string, id: number | string],
): Promise<{ items: ListedOrganization[]; total: number }> {
  const [items, count] = await Promise.all([
    // The page is chosen first, then its practices counted: never for the rows skipped.
    db
      .selectFrom(
        filtered(db, f)
          .selectAll('o')
          // Keyset paging (the API's cursor): after this name (compared lower-cased, as sorted) and id.
          .$if(after !== undefined, (q) => q.where(sql<boolean>`(lower(o.name), o.id) > (lower(${after?.[0]}::text), ${after?.[1]}::bigint)`))
          .orderBy(sql`lower(o.name)`)
          .orderBy('o.id')
          .offset(offset)
          .limit(limit)
          .as('o'),
      )
      .selectAll('o')
      .select(sql<number>`(SELECT count(*)::int FROM practices p WHERE ${namingPractices})`.as('practices'))
      .orderBy(sql`lower(o.name)`)
      .orderBy('o.id')
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The countries the directory's organisations are in: the country filter's choices. */
export async function organizationCountries(db: Database): Promise<string[]> {
  const { rows } = await sql<{ country: string }>`SELECT DISTINCT country FROM organizations WHERE country IS NOT NULL`.execute(db);
  return rows.map((r) => r.country);
}

/** Whether the directory holds no organisation (a database from before it existed). */
export async function isDirectoryEmpty(db: Database): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst()) === undefined;
}

/**
 * The organisations a practice names (its lead organisation and partners, by name or acronym):
 * lower-cased name → slug, so the practice page links each name to the directory.
 * @example const slugs = await organizationsNamedBy(db, 'nyc-idnyc'); slugs.get('c40 cities') // 'c40-cities'
 */
export async function organizationsNamedBy(db: Database, practiceId: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ slug: string; name: string; acronym: string | null }>`
    WITH n AS (SELECT array_append(practice_partner_names(record), lower(lead_organization)) AS names FROM practices WHERE id = ${practiceId})
    SELECT o.slug, lower(o.name) AS name, lower(o.acronym) AS acronym
      FROM organizations o, n
     WHERE lower(o.name) = ANY(n.names) OR lower(o.acronym) = ANY(n.names)`.execute(db);
  return slugsByName(rows);
}

/** Lower-cased name and acronym → slug, from rows that give them lower-cased. */
function slugsByName(rows: { slug: string; name: string; acronym: string | null }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    out.set(r.name, r.slug);
    if (r.acronym) out.set(r.acronym, r.slug);
  }
  return out;
}

/** The organisations of the directory called by some names or acronyms: lower-cased name or acronym → slug. */
export async function organizationSlugsByNames(db: Database, names: string[]): Promise<Map<string, string>> {
  const lower = names.map((n) => n.trim().toLowerCase()).filter(Boolean);
  if (lower.length === 0) return new Map();
  const { rows } = await sql<{ slug: string; name: string; acronym: string | null }>`
    SELECT slug, lower(name) AS name, lower(acronym) AS acronym FROM organizations
     WHERE lower(name) = ANY(${lower}::text[]) OR lower(acronym) = ANY(${lower}::text[])`.execute(db);
  return slugsByName(rows);
}

/** An organisation by its slug, undefined when there is none. */
export function findOrganization(db: Database, slug: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** A practice that names an organisation, as its page lists it. */
export interface NamingPractice {
  id: string;
  title: string;
  lang: string;
  city: string | null;
  country: string;
  started: number | null;
  role: 'lead' | 'partner';
}

/**
 * The practices naming an organisation as lead or partner, titled in the reader's language where
 * a translation exists, newest first.
 * @example const practices = await practicesOfOrganization(db, org, 'fr');
 */
export async function practicesOfOrganization(db: Database, org: Pick<OrganizationRow, 'name' | 'acronym'>, locale: string): Promise<NamingPractice[]> {
  const names = [org.name, org.acronym].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  const { rows } = await sql<{
    id: string;
    title: string;
    language: string;
    tr_title: string | null;
    city: string | null;
    country: string;
    started: number | null;
    lead: boolean;
  }>`
    SELECT p.id, p.title, p.language, p.record->'translations'->${locale}->>'title' AS tr_title, p.city, p.country, p.started,
           lower(p.lead_organization) = ANY(${names}::text[]) AS lead
      FROM practices p
     WHERE lower(p.lead_organization) = ANY(${names}::text[]) OR practice_partner_names(p.record) && ${names}::text[]
     ORDER BY p.started DESC NULLS LAST, p.id
     LIMIT 200`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    title: r.tr_title ?? r.title,
    lang: r.tr_title ? locale : r.language,
    city: r.city,
    country: r.country,
    started: r.started,
    role: r.lead ? 'lead' : 'partner',
  }));
}

/** What the directory's search matches of an organisation, folded. */
export function organizationSearchText(o: Pick<NewOrganization, 'name' | 'acronym' | 'city' | 'description'>): string {
  return foldName([o.name, o.acronym, o.city, o.description].filter(Boolean).join(' '));
}

/** Records organisations, leaving alone any whose name (in any case) is already recorded; returns how many were added. */
export async function insertOrganizations(db: Database, rows: NewOrganization[]): Promise<number> {
  let added = 0;
  for (const row of rows) {
    const result = await db
      .insertInto('organizations')
      .values({ ...row, search_text: organizationSearchText(row) })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** Marks an organisation verified by an editor, or not; false when there is no such organisation. */
export async function setVerified(db: Database, slug: string, verified: boolean, userId: number): Promise<boolean> {
  const result = await db
    .updateTable('organizations')
    .set({ verified, verified_by: verified ? userId : null, verified_at: verified ? sql<Date>`now()` : null, updated_at: sql<Date>`now()` })
    .where('slug', '=', slug)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Which of these slugs name an organisation of the directory. */
export async function existingOrganizationSlugs(db: Database, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db
    .selectFrom('organizations')
    .select('slug')
    .where('slug', 'in', [...new Set(slugs)])
    .execute();
  return new Set(rows.map((r) => r.slug));
}
