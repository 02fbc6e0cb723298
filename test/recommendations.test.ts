import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { framework } from '../src/framework/framework.ts';
import { type Answer, type AssessmentScore, scoreAssessment } from '../src/framework/scoring.ts';
import { translator } from '../src/i18n/i18n.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import type { PracticeRecord } from '../src/practices/practice.schema.ts';
import { type DimensionRecommendations, recommendPractices } from '../src/self-assessment/recommendations.ts';
import { reasonLine } from '../src/self-assessment/views/recommendations.tsx';
import { practiceRecord } from './support/practice-record.ts';
import { createDemoDatabase, testEngines } from './support/test-db.ts';

type Level = 0 | 50 | 100 | null;

/** Answers giving each dimension the score asked (every question with its option of that score), 100 where not said; null leaves it unanswered. */
function answersScoring(scores: Record<string, Level>): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const d of framework.dimensions) {
    const score = d.code in scores ? scores[d.code] : 100;
    if (score === null) continue;
    for (const q of d.questions) answers[q.code] = { option: q.options.find((o) => o.score === score)?.value as string };
  }
  return answers;
}

const scoring = (scores: Record<string, Level>): AssessmentScore => scoreAssessment(framework, answersScoring(scores));

/** The city recommended to: weakest on housing (0), then data and monitoring and work and income (50, framework order before health's 50); leadership not assessed. */
const target = { country: 'NL', slug: 'testville' };
const targetScore = scoring({
  'leadership-and-strategy': null,
  'housing-and-neighbourhoods': 0,
  'data-and-monitoring': 50,
  'work-and-income': 50,
  'health-and-wellbeing': 50,
});

describe.each(testEngines())('recommended practices on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let groups: DimensionRecommendations[];

  const addPractice = async (overrides: Partial<PracticeRecord>, transferable = false) => {
    const record = practiceRecord(overrides);
    await db.transaction().execute((trx) => upsertPractice(trx, record, { author: 'test', message: 'recommendations test' }));
    if (transferable)
      await db
        .updateTable('practices')
        .set({ assessed: ['transferable'] })
        .where('id', '=', record.id)
        .execute();
  };
  const setFigures = (country: string, slug: string, population: number, share: number) =>
    db.updateTable('cities').set({ population, foreign_born_share: share }).where('country', '=', country).where('slug', '=', slug).execute();
  const addSnapshot = (
    country: string,
    slug: string,
    scores: Record<string, Level>,
    options: { visibility?: 'public' | 'private'; example?: boolean; publishedAt?: string } = {},
  ) =>
    db
      .insertInto('city_assessments')
      .values({
        country,
        slug,
        framework_version: framework.version,
        state: 'published',
        visibility: options.visibility ?? 'public',
        example: options.example ?? false,
        published_at: sql<Date>`${options.publishedAt ?? '2025-01-01T00:00:00Z'}::timestamptz`,
        scores: JSON.stringify(scoring(scores)),
      })
      .execute();
  const group = (dimension: string) => groups.find((g) => g.dimension === dimension) as DimensionRecommendations;
  const ids = (dimension: string) => group(dimension).practices.map((p) => p.id);

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    // The target city and a practice of its own, which would rank first anywhere else.
    await addPractice({ id: 'rec-own', city: 'Testville', country: 'NL', themes: ['housing', 'employment'], evidence_level: 5 }, true);
    await setFigures('NL', 'testville', 300_000, 20);
    await addSnapshot('NL', 'testville', { 'housing-and-neighbourhoods': 0 });
    // Housing: far away cities, figures unknown; only Peerville has a public own snapshot.
    await addPractice({ id: 'rec-strong', city: 'Farcity', country: 'JP', themes: ['housing'], evidence_level: 5 });
    await addPractice({ id: 'rec-peer', city: 'Peerville', country: 'CA', themes: ['housing'], evidence_level: 4 });
    await addPractice({ id: 'rec-plain', city: 'Plainville', country: 'CA', themes: ['housing'], evidence_level: 4 });
    await addSnapshot('CA', 'peerville', {});
    // Data and monitoring: cities whose high scores must never count (private, example, superseded).
    await addPractice({ id: 'rec-private', city: 'Privville', country: 'CA', themes: ['data-and-research'], evidence_level: 5 });
    await addPractice({ id: 'rec-example', city: 'Exampleville', country: 'CA', themes: ['data-and-research'], evidence_level: 5 });
    await addPractice({ id: 'rec-stale', city: 'Staleville', country: 'CA', themes: ['data-and-research'], evidence_level: 5 });
    await addSnapshot('CA', 'privville', {}, { visibility: 'private' });
    await addSnapshot('CA', 'exampleville', {}, { example: true });
    await addSnapshot('CA', 'staleville', {}, { publishedAt: '2024-01-01T00:00:00Z' });
    await addSnapshot('CA', 'staleville', { 'data-and-monitoring': 50 }, { publishedAt: '2025-01-01T00:00:00Z' });
    // Work and income: a near, similar city doing well there.
    await addPractice({ id: 'rec-near', city: 'Nearville', country: 'DE', themes: ['employment'], evidence_level: 3 }, true);
    await setFigures('DE', 'nearville', 250_000, 22);
    await addSnapshot('DE', 'nearville', {});
    groups = await recommendPractices(db, { ...target, score: targetScore, locale: 'en' });
  });
  afterAll(() => drop());

  it('recommends for the three weakest assessed dimensions, ties in the framework’s order, a dimension not assessed skipped', () => {
    expect(groups.map((g) => [g.rank, g.dimension, g.score])).toEqual([
      [1, 'housing-and-neighbourhoods', 0],
      [2, 'data-and-monitoring', 50],
      [3, 'work-and-income', 50],
    ]);
  });

  it('gives at most five practices a dimension, never the city’s own', () => {
    for (const g of groups) {
      expect(g.practices).toHaveLength(5);
      expect(g.practices.map((p) => p.id)).not.toContain('rec-own');
    }
  });

  it('ranks a higher evidence level first, and a city scoring 75 or more there above an otherwise equal practice', () => {
    expect(ids('housing-and-neighbourhoods').slice(0, 3)).toEqual(['rec-strong', 'rec-peer', 'rec-plain']);
    const [strong, peer, plain] = group('housing-and-neighbourhoods').practices;
    expect(strong).toMatchObject({ evidenceLevel: 5, peerScore: null });
    expect(peer).toMatchObject({ city: 'Peerville', evidenceLevel: 4, peerScore: 100 });
    expect(plain).toMatchObject({ city: 'Plainville', evidenceLevel: 4, peerScore: null });
  });

  it('never takes a private, an example or a superseded snapshot as a city doing well', () => {
    const data = group('data-and-monitoring');
    expect(ids('data-and-monitoring').slice(0, 3)).toEqual(['rec-example', 'rec-private', 'rec-stale']);
    for (const p of data.practices) expect(p.peerScore, p.id).toBeNull();
    const en = translator('en');
    for (const p of data.practices) expect(reasonLine(en, data, p)).not.toMatch(/scores \d+ there/);
  });

  it('says why in one line, naming only what is true', () => {
    const work = group('work-and-income');
    const near = work.practices[0];
    expect(near).toMatchObject({ id: 'rec-near', transferable: true, similarSize: true, closeShare: true, sameRegion: true, peerScore: 100 });
    expect(reasonLine(translator('en'), work, near)).toBe(
      'Work and income is your third weakest dimension (50); Nearville scores 100 there; evidence level 3; judged transferable by the editors; similar size; similar share born abroad; same region',
    );
    const housing = group('housing-and-neighbourhoods');
    expect(reasonLine(translator('en'), housing, housing.practices[0])).toBe('Housing and neighbourhoods is your weakest dimension (0); evidence level 5');
  });

  it('shows the title in the reader’s language where the record has one', async () => {
    await addPractice({
      id: 'rec-translated',
      city: 'Farcity',
      country: 'JP',
      themes: ['housing'],
      evidence_level: 5,
      translations: { fr: { title: 'Logement pour tous' } },
    });
    const fr = await recommendPractices(db, { ...target, score: targetScore, locale: 'fr' });
    expect(fr[0].practices.find((p) => p.id === 'rec-translated')).toMatchObject({ title: 'Logement pour tous', lang: 'fr' });
    expect(fr[0].practices.find((p) => p.id === 'rec-strong')).toMatchObject({ title: 'Practice rec-strong', lang: 'en' });
  });

  it('recommends nothing when no dimension is assessed', async () => {
    expect(
      await recommendPractices(db, { ...target, score: scoring(Object.fromEntries(framework.dimensions.map((d) => [d.code, null]))), locale: 'en' }),
    ).toEqual([]);
  });
});
