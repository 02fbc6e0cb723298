import { type Kysely, sql } from 'kysely';

/**
 * `tsvector_agg(vector ORDER BY …)`: concatenates search vectors in order, as `||` does, each
 * one's positions after the previous one's. A bulk import computes its vectors from arrays of
 * texts with it: one small statement a batch, where one expression per text made PostgreSQL
 * copy and plan a tree of thousands of nodes for every batch, a tenth of an import's CPU.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP AGGREGATE tsvector_agg(tsvector)`.execute(db);
}
