import { type Kysely, sql } from 'kysely';

/**
 * Figures that are a list rather than one number: the top countries of birth hold up to five
 * pairs of a country (ISO 3166-1 alpha-3) and a count, kept in `parts` (the figure's value is
 * their sum). Other figures have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of ['city_figures', 'country_figures']) {
    await sql`ALTER TABLE ${sql.table(t)} ADD COLUMN parts jsonb CHECK (parts IS NULL OR jsonb_typeof(parts) = 'array')`.execute(db);
  }
}

/** Drops the parts (and with them the figures that need them). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['city_figures', 'country_figures']) {
    await sql`DELETE FROM ${sql.table(t)} WHERE parts IS NOT NULL`.execute(db);
    await sql`ALTER TABLE ${sql.table(t)} DROP COLUMN parts`.execute(db);
  }
}
