import { findCity } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import { framework as current, frameworkOf } from '../framework/framework.ts';
import { type Answer, type AssessmentScore, scoreAssessment } from '../framework/scoring.ts';
import { notFound } from '../http/errors.ts';
import type { Actor } from '../security/authorize.ts';
import { isEditor } from '../security/roles.ts';
import { latestPublicIndexes } from './benchmark.repo.ts';
import { type AnswerRow, answersOfMany, type CityAssessmentRow, publishedSnapshots } from './city-assessment.repo.ts';
import { chosenPeers } from './peer-choice.repo.ts';
import { peerGroups } from './peer-comparison.ts';
import { practiceTitles } from './recommendation.repo.ts';
import { recommendationChoices } from './recommendation-choice.repo.ts';
import { recommendPractices } from './recommendations.ts';
import { isRepresentative } from './representative.repo.ts';
import type { ScorePageData, SnapshotSummary } from './score-page.types.ts';

/** Stored answers as the scoring reads them: an option, or the reason there is none. */
export function scoringAnswers(rows: Map<string, AnswerRow>): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const [code, r] of rows) {
    if (r.option !== null) out[code] = { option: r.option };
    else if (r.unanswered !== null) out[code] = { unanswered: r.unanswered };
  }
  return out;
}

const summary = (r: CityAssessmentRow): SnapshotSummary => ({
  id: String(r.id),
  publishedAt: r.published_at as Date,
  frameworkVersion: r.framework_version,
  visibility: r.visibility,
  example: r.example,
});

/**
 * What the score page of a city shows to a reader: the snapshot asked for (by id) or the latest
 * the reader may see, scored with the framework of its version, and the previous one of the same
 * version for the change. Private snapshots only for the city's representatives and editors;
 * for anyone else they do not exist (404), like a city with no snapshot.
 * @example const data = await loadScorePage(db, 'DE', 'berlin', undefined, account, 'fr');
 */
export async function loadScorePage(
  db: Database,
  country: string,
  slug: string,
  snapshotId: string | undefined,
  reader: Actor,
  locale = 'en',
): Promise<ScorePageData> {
  const [city, represented, choices] = await Promise.all([
    findCity(db, country, slug),
    reader ? isRepresentative(db, reader.userId, country, slug) : false,
    recommendationChoices(db, country, slug),
  ]);
  if (!city) throw notFound(`no city "${slug}" in "${country}"`);
  const rows = await publishedSnapshots(db, country, slug, represented || isEditor(reader));
  const at = snapshotId === undefined ? 0 : rows.findIndex((r) => String(r.id) === snapshotId);
  if (rows.length === 0 || at < 0)
    throw notFound(`no published self-assessment of ${country.toLowerCase()}/${slug}${snapshotId ? ` with id ${snapshotId}` : ''}`);
  const shown = rows[at];
  // Only snapshots of the framework the site ships can be scored; older versions would need their own file.
  // Example snapshots are compared only with examples: a city's own answers never with invented ones.
  const previousRow = rows.slice(at + 1).find((r) => r.framework_version === shown.framework_version && r.example === shown.example);
  // A published snapshot keeps the scores it was published with; one without them is scored from its answers.
  const kept = (row: CityAssessmentRow): AssessmentScore | undefined =>
    typeof row.scores === 'string' ? JSON.parse(row.scores) : ((row.scores as AssessmentScore | null) ?? undefined);
  const unscored = [shown, ...(previousRow ? [previousRow] : [])].filter((r) => !kept(r)).map((r) => String(r.id));
  const answers = unscored.length ? await answersOfMany(db, unscored) : new Map();
  const version = frameworkOf(shown.framework_version);
  const score = (row: CityAssessmentRow): AssessmentScore => {
    const stored = kept(row);
    if (stored) return stored;
    if (!version) throw new Error(`snapshot ${row.id} has no kept scores and framework version ${row.framework_version} is not shipped`);
    return scoreAssessment(version, scoringAnswers(answers.get(String(row.id)) ?? new Map()));
  };
  const shownScore = score(shown);
  // Peers over their latest public snapshots: examples beside examples, a city's own beside cities' own.
  const [indexes, recommendations, chosen, titles] = await Promise.all([
    latestPublicIndexes(db, { examples: shown.example }),
    // Recommendations follow the themes of the framework the site ships; an older snapshot gets none.
    shown.framework_version === current.version
      ? recommendPractices(db, { country: city.country, slug: city.slug, score: shownScore, locale, exclude: new Set(choices.keys()) })
      : Promise.resolve([]),
    chosenPeers(db, city.country, city.slug),
    represented ? practiceTitles(db, [...choices.keys()], locale) : Promise.resolve(new Map<string, { title: string; lang: string }>()),
  ]);
  const peers = peerGroups(indexes, city, Object.keys(shownScore.dimensions), chosen, shown.framework_version);
  return {
    city: { country: city.country, slug: city.slug, name: city.name },
    snapshot: summary(shown),
    score: shownScore,
    ...(previousRow ? { previous: { snapshot: summary(previousRow), score: score(previousRow) } } : {}),
    snapshots: rows.map(summary),
    canAnswer: represented,
    peers,
    recommendations,
    ...(represented
      ? {
          shortlist: [...choices]
            .filter(([id, choice]) => choice === 'shortlisted' && titles.has(id))
            .map(([id]) => ({ id, ...(titles.get(id) as { title: string; lang: string }) })),
        }
      : {}),
  };
}
