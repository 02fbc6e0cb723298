import { type Kysely, sql } from 'kysely';

/**
 * Events created on the site, and registration on the site. An event gains a capacity (places for
 * registration here, instead of or besides a registration link), the group it belongs to (a slug,
 * no foreign key: groups come in another migration), materials (links, once it has taken place)
 * and who created it. `event_registrations` holds one row per person and event: registered, on the
 * waiting list (in the order of `queued_at`, then `id`) or cancelled (kept, so a second cancel is
 * a no-op). Registrations show on the event page (places left), so the table moves the site
 * version (0015's function).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE events
      ADD COLUMN capacity integer CHECK (capacity BETWEEN 1 AND 100000),
      ADD COLUMN group_slug text CHECK (group_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      ADD COLUMN materials jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN created_by bigint REFERENCES users (id) ON DELETE SET NULL`.execute(db);
  await sql`CREATE INDEX events_group_slug_idx ON events (group_slug) WHERE group_slug IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE event_registrations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id text NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('registered', 'waiting', 'cancelled')),
      queued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (event_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX event_registrations_queue_idx ON event_registrations (event_id, status, queued_at, id)`.execute(db);
  await sql`CREATE INDEX event_registrations_user_idx ON event_registrations (user_id)`.execute(db);
  await sql`CREATE TRIGGER event_registrations_site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON event_registrations
    FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
}

/** Drops the registrations and the columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS event_registrations`.execute(db);
  await sql`ALTER TABLE events DROP COLUMN IF EXISTS capacity, DROP COLUMN IF EXISTS group_slug, DROP COLUMN IF EXISTS materials, DROP COLUMN IF EXISTS created_by`.execute(
    db,
  );
}
