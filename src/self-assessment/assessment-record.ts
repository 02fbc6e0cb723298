import type { Database } from '../db/database.ts';
import { framework } from '../framework/framework.ts';
import { type AssessmentScore, scoreAssessment } from '../framework/scoring.ts';
import { scoringAnswers } from './assessment-score.service.ts';
import { answersOfMany, type CityAssessmentRow } from './city-assessment.repo.ts';

/** One answer as open data: the option and its points and weight, or why there is none. */
export interface RecordAnswer {
  question: string;
  option: string | null;
  unanswered: 'dont-know' | 'not-applicable' | null;
  score: number | null;
  weight: number;
  evidence_url: string | null;
}

/** A published snapshot as open data, scores unrounded so anyone can recompute them from the framework. */
export interface AssessmentRecord {
  id: string;
  city: { country: string; slug: string };
  framework_version: number;
  published: string;
  example: boolean;
  answers: RecordAnswer[];
  dimensions: AssessmentScore['dimensions'];
  overall: { score: number | null; coverage: number; provisional: boolean };
}

const questions = new Map(framework.dimensions.flatMap((d) => d.questions.map((q) => [q.code, q] as const)));

/**
 * Published snapshots as open data records: every answer with its points and weight, each
 * dimension's score and coverage, and the overall index.
 * @example const [record] = await assessmentRecords(db, [row]);
 */
export async function assessmentRecords(db: Database, rows: CityAssessmentRow[]): Promise<AssessmentRecord[]> {
  const answers = await answersOfMany(
    db,
    rows.map((r) => String(r.id)),
  );
  return rows.map((row) => {
    const stored = answers.get(String(row.id)) ?? new Map();
    const score = scoreAssessment(framework, scoringAnswers(stored));
    return {
      id: String(row.id),
      city: { country: row.country, slug: row.slug },
      framework_version: row.framework_version,
      published: (row.published_at as Date).toISOString(),
      example: row.example,
      answers: [...stored.values()]
        .sort((a, b) => a.question.localeCompare(b.question, 'en', { numeric: true }))
        .map((a) => {
          const q = questions.get(a.question);
          return {
            question: a.question,
            option: a.option,
            unanswered: a.unanswered,
            score: q?.options.find((o) => o.value === a.option)?.score ?? null,
            weight: q?.weight ?? 0,
            evidence_url: a.evidence_url,
          };
        }),
      dimensions: score.dimensions,
      overall: { score: score.overall.score, coverage: score.overall.coverage, provisional: score.overall.provisional },
    };
  });
}
