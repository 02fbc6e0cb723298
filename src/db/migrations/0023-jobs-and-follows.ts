import { type Kysely, sql } from 'kysely';

/**
 * Work done after a request, and who hears about what.
 *
 * `jobs` is the queue every instance shares: a worker claims due jobs with `FOR UPDATE SKIP
 * LOCKED`, so each runs on one instance at a time; a claim holds a lease (`locked_until`), and a
 * job whose instance died is claimed again once it expires. A failed job is queued again later
 * (backoff) until its attempts run out, then kept as `failed` for an operator. `key` makes an
 * enqueue idempotent (one digest per person and period, one mail per activity and person).
 *
 * `follows`: a person follows a theme, a city, a group, an organisation or a saved search, and
 * chooses how often to hear: at once, daily, weekly or only on the site ('off'); editors' `review`
 * follow says how they hear of submissions (at once when they have none). `activities` are the things that happened
 * (a practice published or changed, an event, a group post, a call, a submission for editors);
 * each is fanned out once to the people whose follows it matches, as one `notifications` row per
 * person (so a person following both the theme and the city of a practice hears once), with the
 * delivery their most frequent matching follow asks for. A notification is mailed at once or
 * gathered into the person's next digest (`mailed_at` marks it taken), and read on the site.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE jobs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      key text UNIQUE,
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 10,
      run_at timestamptz NOT NULL DEFAULT now(),
      locked_by text,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE state = 'queued'`.execute(db);
  await sql`CREATE INDEX jobs_leased_idx ON jobs (locked_until) WHERE state = 'running'`.execute(db);
  await sql`CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE state = 'done'`.execute(db);

  await sql`
    CREATE TABLE follows (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('theme', 'city', 'group', 'organization', 'search', 'review')),
      target text NOT NULL CHECK (target <> '' AND length(target) <= 2000),
      frequency text NOT NULL CHECK (frequency IN ('immediate', 'daily', 'weekly', 'off')),
      label text CHECK (length(label) <= 300),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, kind, target)
    )`.execute(db);
  await sql`CREATE INDEX follows_target_idx ON follows (kind, target)`.execute(db);

  await sql`
    CREATE TABLE activities (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL,
      title text NOT NULL,
      path text NOT NULL CHECK (path LIKE '/%'),
      summary text,
      themes text[] NOT NULL DEFAULT '{}',
      city text,
      country text,
      group_slug text,
      organizations text[] NOT NULL DEFAULT '{}',
      practice_id text,
      actor_id bigint REFERENCES users (id) ON DELETE SET NULL,
      fanned_out_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE notifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      activity_id bigint NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
      delivery text NOT NULL CHECK (delivery IN ('immediate', 'daily', 'weekly', 'none')),
      reason text NOT NULL,
      reason_label text,
      mailed_at timestamptz,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, activity_id)
    )`.execute(db);
  await sql`CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC)`.execute(db);
  await sql`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`.execute(db);
  await sql`CREATE INDEX notifications_digest_idx ON notifications (delivery, user_id) WHERE mailed_at IS NULL`.execute(db);
}

/** Drops the queue, the follows and the notifications. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS notifications`.execute(db);
  await sql`DROP TABLE IF EXISTS activities`.execute(db);
  await sql`DROP TABLE IF EXISTS follows`.execute(db);
  await sql`DROP TABLE IF EXISTS jobs`.execute(db);
}
