import type { AssessmentScore } from '../framework/scoring.ts';
import type { PeerGroup } from './peer-comparison.ts';
import type { DimensionRecommendations } from './recommendations.ts';

/** A published snapshot as its page and the city's list name it. */
export interface SnapshotSummary {
  id: string;
  publishedAt: Date;
  frameworkVersion: number;
  visibility: 'public' | 'private';
  /** Example data of the demo, not the city's own answers: said on every page that shows it. */
  example: boolean;
}

/** What the score page of a city's published self-assessment shows. */
export interface ScorePageData {
  city: { country: string; slug: string; name: string };
  snapshot: SnapshotSummary;
  score: AssessmentScore;
  /** The city's previous visible snapshot of the same framework version, to show the change; none for the first. */
  previous?: { snapshot: SnapshotSummary; score: AssessmentScore };
  /** Every snapshot of the city the reader may see, newest first (the shown one included). */
  snapshots: SnapshotSummary[];
  /** The reader represents the city: links to answer again and to publish. */
  canAnswer: boolean;
  /** The city's peers' scores (region, size band, all), over their latest public snapshots. */
  peers?: PeerGroup[];
  /** Practices to learn from for the city's three weakest dimensions. */
  recommendations?: DimensionRecommendations[];
  /** For the city's representatives: the practices they saved, and the form token of the actions. */
  shortlist?: { id: string; title: string; lang: string }[];
  csrf?: string;
}
