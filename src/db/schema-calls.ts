/** Table types of calls for interest, their review and city-to-city exchanges (migrations 0029–0032). */
import type { ColumnType } from 'kysely';

export type CallState = 'draft' | 'published';
export type ApplicationState = 'draft' | 'submitted' | 'withdrawn';
export type ApplicationDecision = 'selected' | 'waiting_list' | 'not_selected';

/** A call for interest (migration 0029): questions and rubric are JSON the app validates. */
export interface CallsTable {
  id: ColumnType<number, never, never>;
  slug: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  /** Who may apply: 'cities', 'organizations', 'people'. */
  eligible: ColumnType<string[], string[] | undefined, string[]>;
  /** The vocabulary's themes (migration 0032): their followers hear of the call. */
  themes: ColumnType<string[], string[] | undefined, string[]>;
  opens_at: Date;
  closes_at: Date;
  time_zone: string;
  questions: ColumnType<unknown, string | undefined, string>;
  rubric: ColumnType<unknown, string | undefined, string>;
  reviewers_per_application: ColumnType<number, number | undefined, number>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  state: ColumnType<CallState, CallState | undefined, CallState>;
  decisions_released_at: Date | null;
  example: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** An application to a call: answers by question key, a draft until submitted (0029). */
export interface ApplicationsTable {
  id: ColumnType<number, never, never>;
  call_id: number;
  applicant_id: number | null;
  organization_id: string | null;
  applicant_kind: ColumnType<'city' | 'organization' | 'person', 'city' | 'organization' | 'person' | undefined, 'city' | 'organization' | 'person'>;
  name: ColumnType<string, string | undefined, string>;
  city: string | null;
  country: string | null;
  answers: ColumnType<unknown, string | undefined, string>;
  step: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  state: ColumnType<ApplicationState, ApplicationState | undefined, ApplicationState>;
  consent_public: ColumnType<boolean, boolean | undefined, boolean>;
  decision: ApplicationDecision | null;
  decision_message: string | null;
  decided_by: number | null;
  decided_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  submitted_at: Date | null;
}

/** A co-editor of an application (same organisation as its applicant). */
export interface ApplicationEditorsTable {
  application_id: number;
  user_id: number;
  added_by: number | null;
  added_at: ColumnType<Date, Date | undefined, Date>;
}

/** A PDF answering a file question of an application, kept in the database. */
export interface ApplicationFilesTable {
  id: ColumnType<number, never, never>;
  application_id: number;
  question: string;
  file_name: string;
  media_type: 'application/pdf';
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: ColumnType<Date, Date | undefined, Date>;
}

/** A call's pool of reviewers (migration 0030). */
export interface CallReviewersTable {
  call_id: number;
  user_id: number;
  added_by: number | null;
  added_at: ColumnType<Date, Date | undefined, Date>;
}

/** One application given to one reviewer; `conflict` is null until they answer (0030). */
export interface ReviewAssignmentsTable {
  id: ColumnType<number, never, never>;
  call_id: number;
  application_id: number;
  reviewer_id: number;
  assigned_by: number | null;
  assigned_at: ColumnType<Date, Date | undefined, Date>;
  conflict: boolean | null;
  conflict_note: string | null;
  declared_at: Date | null;
}

/** One reviewer's scores of one application, by rubric criterion key (0030). */
export interface ReviewsTable {
  application_id: number;
  reviewer_id: number;
  call_id: number;
  scores: ColumnType<unknown, string | undefined, string>;
  /** The scores alone, by criterion key: what the overview reads. */
  score_values: ColumnType<unknown, string | undefined, string>;
  state: ColumnType<'draft' | 'submitted', 'draft' | 'submitted' | undefined, 'draft' | 'submitted'>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  submitted_at: Date | null;
}

/** The kinds of city-to-city exchange (0031). */
export type ExchangeKind = 'study-visit' | 'mentoring' | 'peer-review' | 'joint-project';
/** Where an exchange request stands (0031). */
export type ExchangeState = 'requested' | 'accepted' | 'declined' | 'withdrawn';

/** A city asking another for an exchange, and the answer (0031). */
export interface ExchangesTable {
  id: ColumnType<number, never, never>;
  from_country: string;
  from_slug: string;
  to_country: string;
  to_slug: string;
  kind: ExchangeKind;
  theme: string;
  message: string;
  practice_id: string | null;
  requested_by: number | null;
  on_behalf: ColumnType<boolean, boolean | undefined, boolean>;
  state: ColumnType<ExchangeState, ExchangeState | undefined, ExchangeState>;
  decided_by: number | null;
  decided_at: Date | null;
  decision_message: string | null;
  outcome_practice_id: string | null;
  outcome_linked_by: number | null;
  outcome_linked_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}
