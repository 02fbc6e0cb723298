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

export interface DB {
  practices: PracticesTable;
  practice_links: PracticeLinksTable;
  practice_revisions: PracticeRevisionsTable;
  cities: CitiesTable;
  search_words: SearchWordsTable;
  app_state: AppStateTable;
}
