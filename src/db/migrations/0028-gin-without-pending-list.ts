import { type Kysely, sql } from 'kysely';

/**
 * The GIN indexes pages read on every view keep no pending list. With PostgreSQL's default
 * (`fastupdate`), rows written since the last vacuum sit in an unsorted list that every
 * lookup reads whole: after an import of 100,000 practices, counting the practices naming 20
 * organisations took 68 ms instead of 0.5 ms until autovacuum came by. Writes to these tables
 * are few (a publication, an import) and may pay for their index entries at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of ['practices_partner_names_idx', 'practices_themes_idx', 'practices_assessed_idx', 'organizations_search_idx']) {
    await sql`ALTER INDEX ${sql.id(index)} SET (fastupdate = off)`.execute(db);
    await sql`SELECT gin_clean_pending_list(${index}::regclass)`.execute(db);
  }
}

/** Back to PostgreSQL's default. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['practices_partner_names_idx', 'practices_themes_idx', 'practices_assessed_idx', 'organizations_search_idx'])
    await sql`ALTER INDEX ${sql.id(index)} SET (fastupdate = on)`.execute(db);
}
