import { type Kysely, sql } from 'kysely';

/** Accounts: users with roles, database sessions, single-use mail tokens and rate-limit counters. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Emails are kept as typed but unique case-insensitively, through the lower(email) index.
  await sql`
    CREATE TABLE users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'editor', 'admin')),
      state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'disabled')),
      email_confirmed_at timestamptz,
      locale text NOT NULL DEFAULT 'en',
      organization text,
      city text,
      country char(2),
      languages text[] NOT NULL DEFAULT '{}',
      expertise text[] NOT NULL DEFAULT '{}',
      profile_public boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_idx ON users (lower(email))`.execute(db);

  // The id is the SHA-256 of the cookie value, so a copy of the table cannot sign anyone in.
  await sql`
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE user_tokens (
      token_hash text PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('confirm', 'reset')),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose)`.execute(db);

  // One row per limited key (e.g. "login:ip:203.0.113.9"): a fixed window shared by every app instance.
  await sql`
    CREATE TABLE rate_limits (
      key text PRIMARY KEY,
      count integer NOT NULL,
      reset_at timestamptz NOT NULL
    )`.execute(db);
}

/** Drops the account tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rate_limits', 'user_tokens', 'sessions', 'users']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
