import { type Kysely, sql } from 'kysely';

/**
 * Harvesting from other clearinghouses and checking links. `harvest_sources`: the sources
 * admins schedule (or the command line names), with a lease (`running_until`) so two instances
 * never harvest one source at once and the start of the last successful run (`from` of the
 * next OAI-PMH request). `harvest_runs`: each run's report. `harvest_records`: which practice
 * each (source, original id) became, with a fingerprint of the record as last fetched so an
 * unchanged record is skipped. `link_checks`: the last check of each (kind, id, url).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE harvest_sources (
    id bigserial PRIMARY KEY,
    url text NOT NULL,
    format text NOT NULL CHECK (format IN ('oai', 'exchange-json')),
    set_spec text NOT NULL DEFAULT '',
    schedule text NOT NULL DEFAULT 'daily' CHECK (schedule IN ('daily', 'weekly')),
    enabled boolean NOT NULL DEFAULT true,
    running_until timestamptz,
    last_success_from timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (url, format, set_spec)
  )`.execute(db);
  await sql`CREATE TABLE harvest_runs (
    id bigserial PRIMARY KEY,
    source_id bigint NOT NULL REFERENCES harvest_sources(id) ON DELETE CASCADE,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT now(),
    ok boolean NOT NULL,
    report jsonb NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX harvest_runs_source_idx ON harvest_runs (source_id, started_at DESC)`.execute(db);
  await sql`CREATE TABLE harvest_records (
    source_id bigint NOT NULL REFERENCES harvest_sources(id) ON DELETE CASCADE,
    original_id text NOT NULL,
    practice_id text NOT NULL,
    fingerprint text,
    deleted_at timestamptz,
    seen_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, original_id)
  )`.execute(db);
  await sql`CREATE INDEX harvest_records_practice_idx ON harvest_records (practice_id)`.execute(db);
  await sql`CREATE TABLE link_checks (
    kind text NOT NULL,
    target_id text NOT NULL,
    url text NOT NULL,
    title text NOT NULL,
    status text NOT NULL CHECK (status IN ('ok', 'redirected', 'broken')),
    http_status integer,
    final_url text,
    reason text,
    checked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, target_id, url)
  )`.execute(db);
  await sql`CREATE INDEX link_checks_broken_idx ON link_checks (checked_at DESC) WHERE status = 'broken'`.execute(db);
}

/** Drops the four tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS link_checks`.execute(db);
  await sql`DROP TABLE IF EXISTS harvest_records`.execute(db);
  await sql`DROP TABLE IF EXISTS harvest_runs`.execute(db);
  await sql`DROP TABLE IF EXISTS harvest_sources`.execute(db);
}
