import { type Kysely, sql } from 'kysely';

/**
 * Experts and the members of organisations.
 *
 * A person's public profile is the opt-in of 0002's `profile_public` plus what a profile page
 * needs: a job title, a short bio (plain text), a slug for `/people/{slug}` (given at the first
 * opt-in and kept, so links stay), when it was published, and the words the list's search
 * matches (name, organisation, job title and bio, accents and case folded by the app). What is public is decided in one
 * place, the view `public_profiles`: opted in, active, with a slug — and no email column. Every
 * page, the API and the exports read people through it, so withdrawing (unticking, a disabled or
 * deleted account) removes a person everywhere in the same statement.
 *
 * `organization_members`: a person asks to join an organisation of the directory (state
 * `requested`, with an optional note); its admins, or the site's editors, approve (`approved`, as
 * `member` or `admin`); declining deletes the request (the audit log keeps it).
 *
 * Public pages show profiles and members, so a change to either moves the site version (0015's
 * `site_changed`): the memberships by a statement trigger, the users table only for rows that
 * are or were public (a sign-in or a private profile's edit leaves the kept pages alone).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN job_title text CHECK (length(job_title) <= 150),
      ADD COLUMN bio text CHECK (length(bio) <= 2000),
      ADD COLUMN profile_slug text UNIQUE CHECK (profile_slug ~ '^[^/?#\\s]+$'),
      ADD COLUMN profile_published_at timestamptz,
      ADD COLUMN profile_search text NOT NULL DEFAULT ''`.execute(db);
  // People who had ticked "show my profile publicly" before pages showed profiles: a slug of their id, published now
  // (the app folds accents into profile_search at the next save; lower case is what SQL alone can do).
  await sql`UPDATE users SET profile_slug = 'person-' || id, profile_published_at = now(),
    profile_search = lower(concat_ws(' ', name, organization)) WHERE profile_public`.execute(db);
  await sql`
    CREATE VIEW public_profiles AS
      SELECT id, profile_slug AS slug, name, job_title, organization, city, country, languages, expertise, bio,
             profile_published_at AS published_at, profile_search AS search_text
        FROM users
       WHERE profile_public AND state = 'active' AND profile_slug IS NOT NULL`.execute(db);
  await sql`CREATE INDEX users_public_profiles_idx ON users (profile_published_at) WHERE profile_public AND state = 'active'`.execute(db);

  await sql`
    CREATE TABLE organization_members (
      organization_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
      state text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'approved')),
      note text CHECK (length(note) <= 1000),
      requested_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz,
      decided_by integer REFERENCES users (id) ON DELETE SET NULL,
      PRIMARY KEY (organization_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX organization_members_user_idx ON organization_members (user_id)`.execute(db);
  await sql`CREATE TRIGGER organization_members_site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization_members
    FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
  await sql`CREATE TRIGGER users_public_profile_changed AFTER UPDATE ON users
    FOR EACH ROW WHEN (OLD.profile_public OR NEW.profile_public) EXECUTE FUNCTION site_changed()`.execute(db);
  await sql`CREATE TRIGGER users_public_profile_deleted AFTER DELETE ON users
    FOR EACH ROW WHEN (OLD.profile_public) EXECUTE FUNCTION site_changed()`.execute(db);
}

/** Drops memberships and the profile columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS users_public_profile_deleted ON users`.execute(db);
  await sql`DROP TRIGGER IF EXISTS users_public_profile_changed ON users`.execute(db);
  await sql`DROP TABLE IF EXISTS organization_members`.execute(db);
  await sql`DROP VIEW IF EXISTS public_profiles`.execute(db);
  await sql`DROP INDEX IF EXISTS users_public_profiles_idx`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN IF EXISTS profile_search, DROP COLUMN IF EXISTS profile_published_at, DROP COLUMN IF EXISTS profile_slug, DROP COLUMN IF EXISTS bio, DROP COLUMN IF EXISTS job_title`.execute(
    db,
  );
}
