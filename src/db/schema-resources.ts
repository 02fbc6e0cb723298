/** Table types of the resource library (migration 0035). */
import type { ColumnType } from 'kysely';

export type ResourceType = 'report' | 'toolkit' | 'guideline' | 'video' | 'webinar' | 'dataset';
export type ResourceLinkKind = 'practice' | 'city' | 'organization';

/** A publication of the library: report, toolkit, guideline, video, webinar recording or dataset. */
export interface ResourcesTable {
  id: ColumnType<number, never, never>;
  slug: string;
  type: ResourceType;
  title: string;
  publisher: ColumnType<string, string | undefined, string>;
  authors: ColumnType<string[], string[] | undefined, string[]>;
  year: number | null;
  /** ISO 639-1 codes of the languages it is published in. */
  languages: ColumnType<string[], string[] | undefined, string[]>;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  /** UN M49 region codes it is about. */
  regions: ColumnType<string[], string[] | undefined, string[]>;
  abstract: ColumnType<string, string | undefined, string>;
  url: string | null;
  /** An archived copy of `url` (e.g. the Wayback Machine). */
  archive_url: string | null;
  licence: ColumnType<string, string | undefined, string>;
  submission_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** What a resource documents: a practice (id), a city ("de/berlin") or an organisation (slug). */
export interface ResourceLinksTable {
  resource_id: number;
  kind: ResourceLinkKind;
  target: string;
}

/** A resource's PDF, uploaded with its submission and carried to the resource once published. */
export interface ResourceFilesTable {
  id: ColumnType<number, never, never>;
  submission_id: number | null;
  resource_id: number | null;
  file_name: string;
  media_type: 'application/pdf';
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: ColumnType<Date, Date | undefined, Date>;
}
