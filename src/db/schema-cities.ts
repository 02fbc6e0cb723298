/** Table types of cities' figures, representatives, self-assessments and choices (migrations 0016–0020). */
import type { ColumnType, Generated } from 'kysely';

/** One pair of a list figure: a country of birth (ISO 3166-1 alpha-3) and how many residents were born there. */
export interface FigurePart {
  country: string;
  count: number;
}

/** A city's figure of one indicator for one year, with its source. */
export interface CityFiguresTable {
  country: string;
  slug: string;
  indicator: string;
  year: number;
  value: number;
  source_name: string;
  source_url: string | null;
  basis: string | null;
  note: string | null;
  /** The pairs of a list figure (top countries of birth), as JSON text or parsed; null for one number. */
  parts: ColumnType<FigurePart[] | string | null, string | null | undefined, string | null>;
  example: ColumnType<boolean, boolean | undefined, boolean>;
  recorded_by: number | null;
  recorded_at: ColumnType<Date, Date | undefined, Date>;
}

/** A country's figure of one indicator for one year, shown beside its cities'. */
export interface CountryFiguresTable {
  country: string;
  indicator: string;
  year: number;
  value: number;
  source_name: string;
  source_url: string | null;
  basis: string | null;
  note: string | null;
  /** The pairs of a list figure (top countries of birth), as JSON text or parsed; null for one number. */
  parts: ColumnType<FigurePart[] | string | null, string | null | undefined, string | null>;
  recorded_by: number | null;
  recorded_at: ColumnType<Date, Date | undefined, Date>;
}

/** One change of a figure: the row before and after (null when absent), by whom. */
export interface FigureRevisionsTable {
  id: Generated<string>;
  country: string;
  slug: string | null;
  indicator: string;
  year: number;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  author: string;
  author_id: number | null;
  message: ColumnType<string, string | undefined, string>;
  at: ColumnType<Date, Date | undefined, Date>;
}

/** A person who may act for a city: answer its self-assessment, publish it, record its figures. */
export interface CityRepresentativesTable {
  user_id: number;
  country: string;
  slug: string;
  granted_by: number | null;
  granted_at: ColumnType<Date, Date | undefined, Date>;
}

export type CityAssessmentState = 'draft' | 'published';
export type CityAssessmentVisibility = 'public' | 'private';

/** A city's self-assessment: the draft being answered, or a published snapshot. */
export interface CityAssessmentsTable {
  id: Generated<string>;
  country: string;
  slug: string;
  framework_version: number;
  state: CityAssessmentState;
  visibility: ColumnType<CityAssessmentVisibility, CityAssessmentVisibility | undefined, CityAssessmentVisibility>;
  example: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  published_at: Date | null;
  published_by: number | null;
  /** The scores as computed when published (AssessmentScore); null for a draft. */
  scores: ColumnType<unknown, string | null | undefined, string | null>;
}

/** One answer of an assessment: an option, or why there is none. */
export interface CityAssessmentAnswersTable {
  assessment_id: string;
  question: string;
  option: string | null;
  unanswered: 'dont-know' | 'not-applicable' | null;
  evidence_url: string | null;
  note: string | null;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** One change of an assessment: an answer before and after, or a change of state (question null). */
export interface CityAssessmentRevisionsTable {
  id: Generated<string>;
  assessment_id: string;
  question: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  author: string;
  author_id: number | null;
  message: ColumnType<string, string | undefined, string>;
  at: ColumnType<Date, Date | undefined, Date>;
}

/** A peer city a city's representatives chose to compare with. */
export interface CityPeerChoicesTable {
  country: string;
  slug: string;
  peer_country: string;
  peer_slug: string;
  chosen_by: number | null;
  chosen_at: ColumnType<Date, Date | undefined, Date>;
}

/** A recommended practice a city's representatives saved to their shortlist or dismissed. */
export interface RecommendationChoicesTable {
  country: string;
  slug: string;
  practice_id: string;
  choice: 'shortlisted' | 'dismissed';
  chosen_by: number | null;
  chosen_at: ColumnType<Date, Date | undefined, Date>;
}
