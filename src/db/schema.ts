import type { ColumnType, Generated } from 'kysely';

/** Row types of every table, as Kysely sees them. Kept in step with src/db/migrations. */
export interface PracticesTable {
  id: string;
  state: Generated<string>;
  title: string;
  summary: string;
  language: string;
  city: string | null;
  city_slug: string | null;
  country: string;
  region: string | null;
  subregion: string | null;
  intermediate_region: string | null;
  lat: number | null;
  lon: number | null;
  level: string;
  started: number | null;
  ended: number | null;
  status: string;
  themes: string[];
  actor_types: string[];
  target_groups: string[];
  lead_organization: string | null;
  evidence_level: number | null;
  record: ColumnType<unknown, string, string>;
  content_hash: string;
  quality: number;
  rank_vec: ColumnType<string | null, never, never>;
  full_vec: ColumnType<string | null, never, never>;
  source_updated: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

export interface PracticeLinksTable {
  practice_id: string;
  adapted_from_id: string;
  changes: string | null;
  position: number;
}

export interface PracticeRevisionsTable {
  id: Generated<number>;
  practice_id: string;
  record: ColumnType<unknown, string, string>;
  author: string;
  message: string;
  created_at: ColumnType<Date, never, never>;
}

export interface CitiesTable {
  country: string;
  slug: string;
  name: string;
  population: number | null;
  population_year: number | null;
  foreign_born_share: number | null;
  foreign_born_year: number | null;
  source_url: string | null;
  lat: number | null;
  lon: number | null;
}

export interface SearchWordsTable {
  word: string;
  ndoc: number;
}

export interface AppStateTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

export type Role = 'member' | 'editor' | 'admin';
export type AccountState = 'active' | 'disabled';

export interface UsersTable {
  id: ColumnType<number, never, never>;
  email: string;
  name: string;
  password_hash: string;
  role: ColumnType<Role, Role | undefined, Role>;
  state: ColumnType<AccountState, AccountState | undefined, AccountState>;
  email_confirmed_at: Date | null;
  locale: ColumnType<string, string | undefined, string>;
  organization: string | null;
  city: string | null;
  country: string | null;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  expertise: ColumnType<string[], string[] | undefined, string[]>;
  profile_public: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
}

export interface UserTokensTable {
  token_hash: string;
  user_id: number;
  purpose: 'confirm' | 'reset';
  expires_at: Date;
  used_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: Date;
}

/** One audit entry; inserted only, never updated. */
export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  at: ColumnType<Date, never, never>;
  actor_user_id: number | null;
  action: string;
  target: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface DB {
  practices: PracticesTable;
  practice_links: PracticeLinksTable;
  practice_revisions: PracticeRevisionsTable;
  cities: CitiesTable;
  search_words: SearchWordsTable;
  app_state: AppStateTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
}
