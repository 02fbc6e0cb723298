import { type Kysely, sql } from 'kysely';

/**
 * The directory of organisations: research networks, NGOs, municipalities, migrant associations,
 * international organisations. Each has a type of the actor vocabulary, a place, a website,
 * languages, themes and a description; editors verify one (a badge). Its practices are those whose
 * lead organisation or a partner carries its name or acronym (matched case-insensitively, so an
 * edit of a practice shows at once): an index on the practices' lead organisation and on their
 * partners' names keeps that match cheap. Organisations show on pages, so their table moves the
 * site version (0015's function).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organizations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug <> ''),
      name text NOT NULL CHECK (name <> ''),
      acronym text,
      type text,
      city text,
      country char(2),
      region text,
      url text,
      languages text[] NOT NULL DEFAULT '{}',
      themes text[] NOT NULL DEFAULT '{}',
      description text,
      -- Name, acronym, city and description with accents and case folded: what the directory's search matches.
      search_text text NOT NULL DEFAULT '',
      founded integer CHECK (founded BETWEEN 1000 AND 2200),
      verified boolean NOT NULL DEFAULT false,
      verified_by bigint REFERENCES users (id) ON DELETE SET NULL,
      verified_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX organizations_name_idx ON organizations (lower(name))`.execute(db);
  await sql`CREATE INDEX organizations_country_idx ON organizations (country)`.execute(db);
  await sql`CREATE INDEX organizations_acronym_idx ON organizations (lower(acronym))`.execute(db);
  await sql`CREATE INDEX organizations_search_idx ON organizations USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX practices_lead_organization_idx ON practices (lower(lead_organization))`.execute(db);
  // The partners' names of a practice record, lower-cased: what an organisation's name is matched against.
  await sql`
    CREATE FUNCTION practice_partner_names(record jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(lower(p->>'name')), '{}')
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(record->'partners') = 'array' THEN record->'partners' ELSE '[]'::jsonb END) p
       WHERE jsonb_typeof(p) = 'object' AND p->>'name' IS NOT NULL
    $$`.execute(db);
  await sql`CREATE INDEX practices_partner_names_idx ON practices USING gin (practice_partner_names(record))`.execute(db);
  await sql`CREATE TRIGGER organizations_site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations
    FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
}

/** Drops the directory. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS practices_partner_names_idx`.execute(db);
  await sql`DROP FUNCTION IF EXISTS practice_partner_names(jsonb)`.execute(db);
  await sql`DROP INDEX IF EXISTS practices_lead_organization_idx`.execute(db);
  await sql`DROP TABLE IF EXISTS organizations`.execute(db);
}
