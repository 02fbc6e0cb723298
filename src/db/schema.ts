import type { ColumnType, Generated } from 'kysely';
import type {
  ApplicationEditorsTable,
  ApplicationFilesTable,
  ApplicationsTable,
  CallReviewersTable,
  CallsTable,
  ExchangesTable,
  ReviewAssignmentsTable,
  ReviewsTable,
} from './schema-calls.ts';
import type {
  CityAssessmentAnswersTable,
  CityAssessmentRevisionsTable,
  CityAssessmentsTable,
  CityFiguresTable,
  CityPeerChoicesTable,
  CityRepresentativesTable,
  CountryFiguresTable,
  FigureRevisionsTable,
  RecommendationChoicesTable,
} from './schema-cities.ts';
import type { HarvestRecordsTable, HarvestRunsTable, HarvestSourcesTable, LinkChecksTable } from './schema-harvest.ts';
import type {
  ActivitiesTable,
  FollowsTable,
  GroupMembersTable,
  GroupPostsTable,
  GroupReportsTable,
  GroupsTable,
  GroupThreadsTable,
  JobsTable,
  NotificationsTable,
} from './schema-network.ts';
import type { ResourceFilesTable, ResourceLinksTable, ResourcesTable } from './schema-resources.ts';

export type * from './schema-calls.ts';
export type * from './schema-cities.ts';
export type * from './schema-harvest.ts';
export type * from './schema-network.ts';
export type * from './schema-resources.ts';

/** Row types of every table, as Kysely sees them. Kept in step with src/db/migrations. */
export interface PracticesTable {
  id: string;
  /** Small integer key for carrying match sets (generated). */
  seq: ColumnType<number, never, never>;
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
  source_updated: string | null;
  /** Assessment criteria an editor judged "yes" (practical, innovative, successful, transferable). */
  assessed: ColumnType<string[], string[] | undefined, string[]>;
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
  /** The account that made the change; null for the command line. */
  author_id: number | null;
  /** What made the revision: import, publish, edit, restore, translation. */
  kind: ColumnType<RevisionKind, RevisionKind | undefined, never>;
  message: string;
  created_at: ColumnType<Date, never, never>;
  /** Who submitted the submission this revision published (0034); credited when they have a public profile. */
  submitter_id: ColumnType<number | null, number | null | undefined, never>;
  /** The licence the submitter agreed to publish under, and when (0034). */
  license: ColumnType<string | null, string | null | undefined, never>;
  license_agreed_at: ColumnType<Date | null, Date | null | undefined, never>;
}

export type RevisionKind = 'import' | 'publish' | 'edit' | 'restore' | 'translation' | 'assessment';

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

/** An organisation of the directory (migration 0021). */
export interface OrganizationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  acronym: string | null;
  /** An actor type of the vocabulary; null when not known. */
  type: string | null;
  city: string | null;
  country: string | null;
  /** The country's UN M49 region, for the region filter. */
  region: string | null;
  url: string | null;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  description: string | null;
  /** Name, acronym, city and description, accents and case folded, for the search (`foldName`). */
  search_text: ColumnType<string, string | undefined, string>;
  founded: number | null;
  verified: ColumnType<boolean, boolean | undefined, boolean>;
  verified_by: number | null;
  verified_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

/** An event where cities meet (migration 0022). */
export interface EventsTable {
  id: string;
  title: string;
  /** conference, roundtable, webinar, study-visit or training. */
  type: string;
  starts_at: Date;
  ends_at: Date;
  /** Dates only: shown and exported without a time of day. */
  all_day: ColumnType<boolean, boolean | undefined, boolean>;
  /** The organiser's IANA time zone, e.g. "America/New_York". */
  time_zone: string;
  city: string | null;
  country: string | null;
  venue: string | null;
  online_url: string | null;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  organisers: ColumnType<string[], string[] | undefined, string[]>;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  registration_url: string | null;
  description: string | null;
  outcomes: string | null;
  example: ColumnType<boolean, boolean | undefined, boolean>;
  /** Places for registration on the site (0026); null when registration is elsewhere or not needed. */
  capacity: ColumnType<number | null, number | null | undefined, number | null>;
  /** The thematic group it belongs to (0026), by slug; no foreign key. */
  group_slug: ColumnType<string | null, string | null | undefined, string | null>;
  /** Links to slides, recordings, reports once it has taken place (0026). */
  materials: ColumnType<EventMaterial[], string | undefined, string>;
  /** Who created it on the site (0026); null for seeded events. */
  created_by: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

/** A material of an event: what it is and where. */
export interface EventMaterial {
  title: string;
  url: string;
}

/** Where a person stands for an event with registration on the site (0026). */
export type EventRegistrationStatus = 'registered' | 'waiting' | 'cancelled';

/** A person's registration for an event (0026); the waiting list is in order of queued_at, then id. */
export interface EventRegistrationsTable {
  id: ColumnType<number, never, never>;
  event_id: string;
  user_id: number;
  status: EventRegistrationStatus;
  queued_at: ColumnType<Date, Date | undefined, Date>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

export interface AppStateTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

/** Practices changed at each catalogue version (written by a trigger on practices, never by the app). */
export interface CatalogueChangesTable {
  version: ColumnType<string, never, never>;
  seq: ColumnType<number, never, never>;
}

export type Role = 'member' | 'editor' | 'admin' | 'coordinator';
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
  /** Set when the person deleted their account: the row is kept emptied of them (migration 0027). */
  deleted_at: ColumnType<Date | null, never, Date | null>;
  job_title: ColumnType<string | null, string | null | undefined, string | null>;
  bio: ColumnType<string | null, string | null | undefined, string | null>;
  profile_slug: ColumnType<string | null, string | null | undefined, string | null>;
  profile_published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Name, organisation, job title and bio, accents and case folded: what the people list's search matches. */
  profile_search: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

/** The profiles anyone may see (migration 0024's view): opted in, active, with a slug; never an email. Read only. */
export interface PublicProfilesView {
  id: ColumnType<number, never, never>;
  slug: ColumnType<string, never, never>;
  name: ColumnType<string, never, never>;
  job_title: ColumnType<string | null, never, never>;
  organization: ColumnType<string | null, never, never>;
  city: ColumnType<string | null, never, never>;
  country: ColumnType<string | null, never, never>;
  languages: ColumnType<string[], never, never>;
  expertise: ColumnType<string[], never, never>;
  bio: ColumnType<string | null, never, never>;
  published_at: ColumnType<Date, never, never>;
  search_text: ColumnType<string, never, never>;
}

export type MemberRole = 'member' | 'admin';
export type MemberState = 'requested' | 'approved';

/** Who belongs to an organisation of the directory, or asked to (0024). */
export interface OrganizationMembersTable {
  organization_id: string;
  user_id: number;
  role: ColumnType<MemberRole, MemberRole | undefined, MemberRole>;
  state: ColumnType<MemberState, MemberState | undefined, MemberState>;
  note: string | null;
  requested_at: ColumnType<Date, Date | undefined, Date>;
  decided_at: Date | null;
  decided_by: number | null;
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

/** A key the servers sign with (migration 0011), shared by every instance. */
export interface ServerSecretsTable {
  name: string;
  secret: string;
  created_at: ColumnType<Date, never, never>;
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

export type SubmissionKind = 'practice' | 'translation' | 'resource';
export type SubmissionState = 'draft' | 'submitted' | 'changes_requested' | 'published' | 'rejected' | 'withdrawn';

/** A contribution on its way to the catalogue: a draft record and where it stands in review. */
export interface SubmissionsTable {
  id: ColumnType<number, never, never>;
  kind: ColumnType<SubmissionKind, SubmissionKind | undefined, never>;
  state: ColumnType<SubmissionState, SubmissionState | undefined, SubmissionState>;
  submitter_id: number;
  assignee_id: number | null;
  /** For a translation: the practice translated; for a published practice: its id. */
  practice_id: string | null;
  /** For an adaptation: the practice it adapts. */
  adapted_from_id: string | null;
  /** For a translation: the language it is in. */
  translation_language: string | null;
  /** The draft: any subset of the exchange-format fields (or title/summary/body/machine for a translation). */
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  title: ColumnType<string, string | undefined, string>;
  language: string | null;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  /** Last step of the form the submitter saved. */
  step: ColumnType<number, number | undefined, number>;
  /** The editor's message of the last "changes requested" or "rejected". */
  decision_message: string | null;
  /** Key of the form that created it, so a double-clicked submit creates one draft. */
  request_key: string | null;
  /** Bumped on every save, so two tabs cannot overwrite each other silently. */
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
  submitted_at: Date | null;
  /** The licence the submitter agreed to publish under when sending it, and when (0034). */
  license: ColumnType<string | null, string | null | undefined, string | null>;
  license_agreed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A private comment or a change of state on a submission. */
export interface SubmissionEventsTable {
  id: ColumnType<number, never, never>;
  submission_id: number;
  author_id: number | null;
  kind: 'comment' | 'state';
  state: SubmissionState | null;
  body: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, never, never>;
  /** On "changes requested": the draft as the editor saw it, to compare a resubmission with (0034). */
  data: ColumnType<unknown, string | null | undefined, never>;
}

export type AssessmentRating = 'yes' | 'partly' | 'no' | 'unknown';

/** An editor's current assessment of a published practice. */
export interface PracticeAssessmentsTable {
  practice_id: string;
  practical: AssessmentRating;
  practical_note: ColumnType<string, string | undefined, string>;
  innovative: AssessmentRating;
  innovative_note: ColumnType<string, string | undefined, string>;
  successful: AssessmentRating;
  successful_note: ColumnType<string, string | undefined, string>;
  transferable: AssessmentRating;
  transferable_note: ColumnType<string, string | undefined, string>;
  evidence_level: number;
  assessed_by: number | null;
  assessed_at: ColumnType<Date, Date | undefined, Date>;
}

export interface DB {
  practices: PracticesTable;
  practice_links: PracticeLinksTable;
  practice_revisions: PracticeRevisionsTable;
  cities: CitiesTable;
  organizations: OrganizationsTable;
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
  city_figures: CityFiguresTable;
  country_figures: CountryFiguresTable;
  figure_revisions: FigureRevisionsTable;
  city_representatives: CityRepresentativesTable;
  city_assessments: CityAssessmentsTable;
  city_assessment_answers: CityAssessmentAnswersTable;
  city_assessment_revisions: CityAssessmentRevisionsTable;
  city_peer_choices: CityPeerChoicesTable;
  recommendation_choices: RecommendationChoicesTable;
  app_state: AppStateTable;
  catalogue_changes: CatalogueChangesTable;
  users: UsersTable;
  public_profiles: PublicProfilesView;
  organization_members: OrganizationMembersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  rate_limits: RateLimitsTable;
  server_secrets: ServerSecretsTable;
  audit_log: AuditLogTable;
  submissions: SubmissionsTable;
  submission_events: SubmissionEventsTable;
  practice_assessments: PracticeAssessmentsTable;
  jobs: JobsTable;
  follows: FollowsTable;
  activities: ActivitiesTable;
  notifications: NotificationsTable;
  calls: CallsTable;
  applications: ApplicationsTable;
  application_editors: ApplicationEditorsTable;
  application_files: ApplicationFilesTable;
  call_reviewers: CallReviewersTable;
  review_assignments: ReviewAssignmentsTable;
  reviews: ReviewsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_threads: GroupThreadsTable;
  group_posts: GroupPostsTable;
  group_reports: GroupReportsTable;
  exchanges: ExchangesTable;
  harvest_sources: HarvestSourcesTable;
  harvest_runs: HarvestRunsTable;
  harvest_records: HarvestRecordsTable;
  link_checks: LinkChecksTable;
  resources: ResourcesTable;
  resource_links: ResourceLinksTable;
  resource_files: ResourceFilesTable;
  practice_tombstones: PracticeTombstonesTable;
}

/** A practice deleted from the catalogue, kept for OAI-PMH harvesters with the sets it was in (migration 0037). */
export interface PracticeTombstonesTable {
  id: string;
  deleted_at: ColumnType<Date, Date | undefined, Date>;
  themes: string[];
  region: string | null;
  subregion: string | null;
}
