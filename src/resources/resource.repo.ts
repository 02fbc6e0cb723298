import { type Selectable, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ResourceLinkKind, ResourcesTable } from '../db/schema.ts';
import type { ResourceFilter } from './resource.query.ts';

/** A resource as stored. */
export type ResourceRow = Selectable<ResourcesTable>;

/** A resource as pages, the API and the exports show it: with whether it has a PDF here. */
export type ListedResource = ResourceRow & { has_file: boolean };

/** A link of a resource to what it documents. */
export interface ResourceLink {
  kind: ResourceLinkKind;
  target: string;
}

/** A resource to record: its metadata (the database fills the rest). */
export type NewResource = Pick<
  ResourceRow,
  'slug' | 'type' | 'title' | 'publisher' | 'authors' | 'year' | 'languages' | 'themes' | 'regions' | 'abstract' | 'url' | 'archive_url' | 'licence'
> & { submission_id?: number | null; created_by?: number | null };

/** The metadata an editor changes. */
export type ResourceChanges = Omit<NewResource, 'slug' | 'submission_id' | 'created_by'>;

const hasFile = sql<boolean>`EXISTS (SELECT 1 FROM resource_files f WHERE f.resource_id = r.id)`.as('has_file');

/** The resources matching the filters. */
function filtered(db: Database, f: ResourceFilter) {
  let q = db.selectFrom('resources as r');
  if (f.type) q = q.where('r.type', '=', f.type);
  if (f.year) q = q.where('r.year', '=', f.year);
  if (f.theme) q = q.where(sql<boolean>`r.themes @> ARRAY[${f.theme}]::text[]`);
  if (f.language) q = q.where(sql<boolean>`r.languages @> ARRAY[${f.language}]::text[]`);
  // A resource about the whole world ("001") is about every region.
  if (f.region) q = q.where(sql<boolean>`r.regions && ARRAY[${f.region}, '001']::text[]`);
  return q;
}

/**
 * The ids of the resources matching the filters, newest publication first (then most recently
 * added): the order of the library without search words, which a search re-sorts by relevance.
 * @example const ids = await filteredResourceIds(db, { theme: 'housing' });
 */
export async function filteredResourceIds(db: Database, f: ResourceFilter): Promise<number[]> {
  const rows = await filtered(db, f).select('r.id').orderBy(sql`r.year DESC NULLS LAST`).orderBy('r.id', 'desc').execute();
  return rows.map((r) => r.id);
}

/**
 * The resources of these ids, in the order given (one statement).
 * @example const page = await resourcesByIds(db, [3, 1]);
 */
export async function resourcesByIds(db: Database, ids: number[]): Promise<ListedResource[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('resources as r').selectAll('r').select(hasFile).where('r.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A resource by its slug, undefined when there is none. */
export function findResource(db: Database, slug: string): Promise<ListedResource | undefined> {
  return db.selectFrom('resources as r').selectAll('r').select(hasFile).where('r.slug', '=', slug).executeTakeFirst();
}

/** The resource a submission was published as, if any. */
export function resourceOfSubmission(db: Database, submissionId: number): Promise<{ slug: string } | undefined> {
  return db.selectFrom('resources').select('slug').where('submission_id', '=', submissionId).executeTakeFirst();
}

/** The text the library's search reads of every resource, with the version of each. */
export function resourceTexts(db: Database) {
  return db.selectFrom('resources').select(['id', 'version', 'title', 'abstract', 'publisher', 'authors', 'themes', 'languages']).execute();
}

/** Whether a slug is taken. */
export async function slugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('resources').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/**
 * Records a resource and its links; returns its id. Run it in the caller's transaction.
 * @example const id = await insertResource(trx, resource, [{ kind: 'practice', target: 'nyc-idnyc' }]);
 */
export async function insertResource(db: Database, r: NewResource, links: ResourceLink[]): Promise<number> {
  const { id } = await db.insertInto('resources').values(r).returning('id').executeTakeFirstOrThrow();
  await replaceLinks(db, id, links);
  return id;
}

/**
 * Changes a resource's metadata and links when it is still at `version` (what the editor
 * loaded); false when someone saved in between. Run it in the caller's transaction.
 */
export async function updateResource(db: Database, id: number, version: number, changes: ResourceChanges, links: ResourceLink[]): Promise<boolean> {
  const result = await db
    .updateTable('resources')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await replaceLinks(db, id, links);
  return true;
}

async function replaceLinks(db: Database, id: number, links: ResourceLink[]): Promise<void> {
  await db.deleteFrom('resource_links').where('resource_id', '=', id).execute();
  const unique = [...new Map(links.map((l) => [`${l.kind}|${l.target}`, l])).values()];
  if (unique.length)
    await db
      .insertInto('resource_links')
      .values(unique.map((l) => ({ resource_id: id, ...l })))
      .execute();
}

/** A resource's links, by kind then target. */
export async function linksOfResource(db: Database, id: number): Promise<ResourceLink[]> {
  return db.selectFrom('resource_links').select(['kind', 'target']).where('resource_id', '=', id).orderBy('kind').orderBy('target').execute();
}

/** A resource as the lists of a practice, city or organisation page show it. */
export interface LinkedResource {
  slug: string;
  title: string;
  type: ResourcesTable['type'];
  publisher: string;
  year: number | null;
  languages: string[];
}

/**
 * The resources documenting a practice, a city ("de/berlin") or an organisation (its slug),
 * newest first: one statement on the links' target index.
 * @example const resources = await resourcesLinkedTo(db, 'practice', 'nyc-idnyc');
 */
export function resourcesLinkedTo(db: Database, kind: ResourceLinkKind, target: string): Promise<LinkedResource[]> {
  return db
    .selectFrom('resource_links as l')
    .innerJoin('resources as r', 'r.id', 'l.resource_id')
    .select(['r.slug', 'r.title', 'r.type', 'r.publisher', 'r.year', 'r.languages'])
    .where('l.kind', '=', kind)
    .where('l.target', '=', target)
    .orderBy(sql`r.year DESC NULLS LAST`)
    .orderBy('r.id', 'desc')
    .limit(50)
    .execute();
}

/** A practice, city or organisation a resource links to, with its name where it is here. */
export interface LinkedTarget extends ResourceLink {
  /** Null when the practice, city or organisation is not (or no longer) here. */
  name: string | null;
}

/**
 * A resource's links with the names of what they point to (the practice's title, the city's
 * name, the organisation's name), in one statement.
 * @example const targets = await linkedTargets(db, resource.id);
 */
export async function linkedTargets(db: Database, id: number): Promise<LinkedTarget[]> {
  const { rows } = await sql<LinkedTarget>`
    SELECT l.kind, l.target,
           CASE l.kind
             WHEN 'practice' THEN (SELECT p.title FROM practices p WHERE p.id = l.target)
             WHEN 'city' THEN (SELECT c.name FROM cities c WHERE lower(c.country) || '/' || c.slug = l.target)
             ELSE (SELECT o.name FROM organizations o WHERE o.slug = l.target)
           END AS name
      FROM resource_links l
     WHERE l.resource_id = ${id}
     ORDER BY l.kind, l.target`.execute(db);
  return rows;
}

/** A resource as a harvester pages through them: with the exact instant of its last change (microseconds, UTC) as the cursor. */
export type HarvestedResource = ListedResource & { stamp: string };

/**
 * Published resources changed after a keyset (the `stamp` and id of the last one seen), oldest
 * first, optionally up to an instant: how a harvester (OAI-PMH) pages through the library. The
 * stamp keeps the database's microseconds, so no row is seen twice or skipped.
 * @example const page = await resourcesChangedAfter(db, { stamp: last.stamp, id: last.id }, 100);
 */
export function resourcesChangedAfter(
  db: Database,
  after: { stamp: string; id: number } | undefined,
  limit: number,
  until?: Date,
): Promise<HarvestedResource[]> {
  let q = db
    .selectFrom('resources as r')
    .selectAll('r')
    .select(hasFile)
    .select(sql<string>`to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('stamp'));
  if (after) q = q.where(sql<boolean>`(r.updated_at, r.id) > (${after.stamp}::timestamptz, ${after.id}::bigint)`);
  if (until) q = q.where('r.updated_at', '<=', until);
  return q.orderBy('r.updated_at').orderBy('r.id').limit(limit).execute();
}

/** The newest resources matching the filters, for the feed. */
export function newestResources(db: Database, f: ResourceFilter, limit: number): Promise<ListedResource[]> {
  return filtered(db, f).selectAll('r').select(hasFile).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

/** The publication years of the library, newest first: the year filter's choices. */
export async function resourceYears(db: Database): Promise<number[]> {
  const rows = await db.selectFrom('resources').select('year').distinct().where('year', 'is not', null).orderBy('year', 'desc').execute();
  return rows.map((r) => r.year as number);
}

/** The languages the library's resources are in: the language filter's choices. */
export async function resourceLanguages(db: Database): Promise<string[]> {
  const { rows } = await sql<{ language: string }>`SELECT DISTINCT unnest(languages) AS language FROM resources ORDER BY 1`.execute(db);
  return rows.map((r) => r.language);
}

/** Whether the library holds no resource (a database seeded before it existed). */
export async function isLibraryEmpty(db: Database): Promise<boolean> {
  return (await db.selectFrom('resources').select('id').limit(1).executeTakeFirst()) === undefined;
}

/**
 * The links whose practice, city or organisation is not here, so a form can say which; one
 * statement for all of them.
 * @example const unknown = await unknownTargets(db, [{ kind: 'practice', target: 'nope' }]); // [{ kind: 'practice', target: 'nope' }]
 */
export async function unknownTargets(db: Database, links: ResourceLink[]): Promise<ResourceLink[]> {
  if (links.length === 0) return [];
  const kinds = links.map((l) => l.kind);
  const targets = links.map((l) => l.target);
  const { rows } = await sql<ResourceLink>`
    SELECT l.kind, l.target FROM unnest(${kinds}::text[], ${targets}::text[]) AS l(kind, target)
     WHERE NOT CASE l.kind
       WHEN 'practice' THEN EXISTS (SELECT 1 FROM practices p WHERE p.id = l.target)
       WHEN 'city' THEN EXISTS (SELECT 1 FROM cities c WHERE lower(c.country) || '/' || c.slug = l.target)
       ELSE EXISTS (SELECT 1 FROM organizations o WHERE o.slug = l.target)
     END`.execute(db);
  return rows;
}
