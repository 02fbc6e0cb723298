import { type Kysely, sql } from 'kysely';

/** The tables of a group that public pages show: their statements move the site version (0015's function). */
const shownTables = ['groups', 'group_members', 'group_threads', 'group_posts'];

/**
 * Thematic groups with discussions. A group (slug, name, description, themes, names and
 * descriptions in other languages) is `open` (anyone joins at once) or `moderated` (a join is a
 * request a moderator approves); a member is a `member` or a `moderator`, `pending` until a
 * request is approved (with the follow frequency they chose, applied then). A thread is a title
 * and its opening post; replies are posts of the thread. Moderators pin and lock threads and
 * hide a post with a reason; members report a post with a reason, which waits in the group's
 * moderation queue until resolved. An author's deleted account leaves their posts (the author
 * becomes null: "former member"); a deleted group takes its threads with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE groups (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
      name text NOT NULL CHECK (name <> ''),
      description text NOT NULL DEFAULT '',
      themes text[] NOT NULL DEFAULT '{}',
      membership text NOT NULL DEFAULT 'open' CHECK (membership IN ('open', 'moderated')),
      -- Name and description in other languages: { "fr": { "name": …, "description": … } }.
      translations jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_by bigint REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX groups_themes_idx ON groups USING gin (themes)`.execute(db);

  await sql`
    CREATE TABLE group_members (
      group_id bigint NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator')),
      state text NOT NULL CHECK (state IN ('pending', 'active')),
      -- How often the person wants to hear of new posts: followed when the membership becomes active.
      frequency text NOT NULL DEFAULT 'daily' CHECK (frequency IN ('immediate', 'daily', 'weekly')),
      requested_at timestamptz NOT NULL DEFAULT now(),
      joined_at timestamptz,
      decided_by bigint REFERENCES users (id) ON DELETE SET NULL,
      PRIMARY KEY (group_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX group_members_user_idx ON group_members (user_id)`.execute(db);
  await sql`CREATE INDEX group_members_pending_idx ON group_members (group_id, requested_at) WHERE state = 'pending'`.execute(db);

  await sql`
    CREATE TABLE group_threads (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      group_id bigint NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      title text NOT NULL CHECK (title <> ''),
      author_id bigint REFERENCES users (id) ON DELETE SET NULL,
      pinned boolean NOT NULL DEFAULT false,
      locked boolean NOT NULL DEFAULT false,
      replies integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_post_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The group page's order: pinned threads first, then the latest activity.
  await sql`CREATE INDEX group_threads_list_idx ON group_threads (group_id, pinned DESC, last_post_at DESC, id DESC)`.execute(db);

  await sql`
    CREATE TABLE group_posts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      thread_id bigint NOT NULL REFERENCES group_threads (id) ON DELETE CASCADE,
      -- The thread's opening post holds its text; the others are replies.
      opening boolean NOT NULL DEFAULT false,
      author_id bigint REFERENCES users (id) ON DELETE SET NULL,
      body text NOT NULL CHECK (body <> ''),
      hidden_reason text,
      hidden_by bigint REFERENCES users (id) ON DELETE SET NULL,
      hidden_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX group_posts_thread_idx ON group_posts (thread_id, id)`.execute(db);
  await sql`CREATE UNIQUE INDEX group_posts_opening_idx ON group_posts (thread_id) WHERE opening`.execute(db);
  await sql`CREATE INDEX group_posts_author_idx ON group_posts (author_id)`.execute(db);

  await sql`
    CREATE TABLE group_reports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      post_id bigint NOT NULL REFERENCES group_posts (id) ON DELETE CASCADE,
      reporter_id bigint REFERENCES users (id) ON DELETE SET NULL,
      reason text NOT NULL CHECK (reason <> ''),
      state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
      resolved_by bigint REFERENCES users (id) ON DELETE SET NULL,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // One open report per person and post: reporting twice is not two reports.
  await sql`CREATE UNIQUE INDEX group_reports_once_idx ON group_reports (post_id, reporter_id) WHERE state = 'open'`.execute(db);
  await sql`CREATE INDEX group_reports_post_idx ON group_reports (post_id, state)`.execute(db);

  for (const t of shownTables) {
    await sql`CREATE TRIGGER ${sql.raw(`${t}_site_changed`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(t)}
      FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
  }
}

/** Drops the groups and everything in them. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['group_reports', 'group_posts', 'group_threads', 'group_members', 'groups']) await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
}
