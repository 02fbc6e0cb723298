import { type Kysely, sql } from 'kysely';

/**
 * City-to-city exchanges (issue 18): one city asks another for a study visit, mentoring, a peer
 * review or a joint project on a theme, with a message. The asked city's representatives accept
 * or decline with a message; the asker may withdraw while it waits. `on_behalf` keeps whether the
 * asker represented the asking city when asking (a member may name their own city). An accepted
 * exchange may later name the practice that came out of it (`outcome_practice_id`, no foreign
 * key, like `practice_links`). At most one request waits between two cities in one direction.
 * Accepted exchanges show on both city pages and on the practice page, so the table moves the
 * site version (0015's function).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE exchanges (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      from_country text NOT NULL,
      from_slug text NOT NULL,
      to_country text NOT NULL,
      to_slug text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('study-visit', 'mentoring', 'peer-review', 'joint-project')),
      theme text NOT NULL,
      message text NOT NULL,
      practice_id text,
      requested_by bigint REFERENCES users (id) ON DELETE SET NULL,
      on_behalf boolean NOT NULL DEFAULT false,
      state text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'accepted', 'declined', 'withdrawn')),
      decided_by bigint REFERENCES users (id) ON DELETE SET NULL,
      decided_at timestamptz,
      decision_message text,
      outcome_practice_id text,
      outcome_linked_by bigint REFERENCES users (id) ON DELETE SET NULL,
      outcome_linked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (from_country, from_slug) REFERENCES cities (country, slug) ON DELETE CASCADE ON UPDATE CASCADE,
      FOREIGN KEY (to_country, to_slug) REFERENCES cities (country, slug) ON DELETE CASCADE ON UPDATE CASCADE,
      CHECK (from_country <> to_country OR from_slug <> to_slug)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX exchanges_one_waiting_idx ON exchanges (from_country, from_slug, to_country, to_slug) WHERE state = 'requested'`.execute(db);
  await sql`CREATE INDEX exchanges_to_idx ON exchanges (to_country, to_slug, state)`.execute(db);
  await sql`CREATE INDEX exchanges_from_idx ON exchanges (from_country, from_slug, state)`.execute(db);
  await sql`CREATE INDEX exchanges_requested_by_idx ON exchanges (requested_by)`.execute(db);
  await sql`CREATE INDEX exchanges_outcome_idx ON exchanges (outcome_practice_id) WHERE outcome_practice_id IS NOT NULL`.execute(db);
  await sql`CREATE TRIGGER exchanges_site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON exchanges
    FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
}

/** Drops the exchanges. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS exchanges`.execute(db);
}
