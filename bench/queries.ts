/**
 * The query mix of the search benchmarks: URL query strings for /practices (and
 * /api/v1/practices), grouped by the kind of search a person makes.
 *
 *   npx tsx bench/queries.ts            # prints the curated mix, one per line
 *   npx tsx bench/queries.ts 500        # prints 500 queries of the expanded load mix
 */
import { chance, int, pick, seededRng, zipf } from './corpus/random.ts';

/** One search of the mix and the kind it stands for. */
export interface BenchQuery {
  kind: QueryKind;
  query: string;
}

export type QueryKind = 'broad' | 'two-word' | 'phrase' | 'filtered+q' | 'filtered' | 'misspelled' | 'non-english' | 'sorted' | 'deep-page' | 'browse';

const qs = (params: Record<string, string | number | (string | number)[]>): string => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) u.append(k, String(x));
  return u.toString();
};

/** The curated mix: every kind of search the issue names, with the examples it gives. */
export const baseQueries: BenchQuery[] = [
  { kind: 'browse', query: '' },
  ...['refugees', 'housing', 'migrants', 'employment', 'language', 'health', 'women', 'integration'].map((q) => ({ kind: 'broad' as const, query: qs({ q }) })),
  ...['refugee housing', 'language courses', 'asylum seekers', 'job placement', 'mental health', 'unaccompanied minors', 'social housing', 'legal advice'].map(
    (q) => ({ kind: 'two-word' as const, query: qs({ q }) }),
  ),
  ...['"asylum seekers"', '"one-stop shop"', '"language courses"', '"community policing"', '"housing first"'].map((q) => ({
    kind: 'phrase' as const,
    query: qs({ q }),
  })),
  { kind: 'filtered+q', query: qs({ q: 'refugees', theme: 'housing' }) },
  { kind: 'filtered+q', query: qs({ q: 'employment', region: '150' }) },
  { kind: 'filtered+q', query: qs({ q: 'language', country: 'DE' }) },
  { kind: 'filtered+q', query: qs({ q: 'health', theme: ['health', 'women-and-gender'], status: 'ongoing' }) },
  { kind: 'filtered+q', query: qs({ q: 'children', region: '419', evidence: [3, 4] }) },
  { kind: 'filtered+q', query: qs({ q: 'migrants', actor: 'civil-society', from: 2015, to: 2020 }) },
  { kind: 'filtered', query: qs({ theme: 'housing' }) },
  { kind: 'filtered', query: qs({ region: '150' }) },
  { kind: 'filtered', query: qs({ country: 'IT', theme: 'employment' }) },
  { kind: 'filtered', query: qs({ status: 'mainstreamed', evidence: 5 }) },
  { kind: 'filtered', query: qs({ region: '002', theme: ['health', 'education'] }) },
  { kind: 'filtered', query: qs({ target: 'refugees', status: 'ongoing' }) },
  { kind: 'filtered', query: qs({ country: ['CO', 'PE', 'EC'], theme: 'reception-and-welcoming' }) },
  { kind: 'misspelled', query: qs({ q: 'refugee houseing' }) },
  { kind: 'misspelled', query: qs({ q: 'imigrants' }) },
  { kind: 'misspelled', query: qs({ q: 'langauge courses' }) },
  { kind: 'misspelled', query: qs({ q: 'employmnet' }) },
  { kind: 'non-english', query: qs({ q: 'logement' }) },
  { kind: 'non-english', query: qs({ q: 'vivienda' }) },
  { kind: 'non-english', query: qs({ q: 'réfugiés' }) },
  { kind: 'non-english', query: qs({ q: 'refugiados' }) },
  { kind: 'non-english', query: qs({ q: 'cours de français' }) },
  { kind: 'non-english', query: qs({ q: 'inserción laboral' }) },
  { kind: 'sorted', query: qs({ q: 'refugees', sort: 'newest' }) },
  { kind: 'sorted', query: qs({ q: 'housing', sort: 'title' }) },
  { kind: 'sorted', query: qs({ sort: 'title' }) },
  { kind: 'sorted', query: qs({ theme: 'education', sort: 'newest' }) },
  { kind: 'deep-page', query: qs({ q: 'refugees', page: 40 }) },
  { kind: 'deep-page', query: qs({ q: 'migrants', page: 200 }) },
  { kind: 'deep-page', query: qs({ page: 400 }) },
  { kind: 'deep-page', query: qs({ theme: 'employment', sort: 'title', page: 100 }) },
];

const broadWords = [
  'refugees',
  'migrants',
  'housing',
  'employment',
  'language',
  'health',
  'education',
  'women',
  'children',
  'youth',
  'integration',
  'volunteers',
  'schools',
  'training',
  'reception',
  'discrimination',
  'culture',
  'data',
  'police',
  'asylum',
];
const rarerWords = [
  'landlords',
  'apprenticeships',
  'interpreters',
  'mentoring',
  'libraries',
  'vaccination',
  'microcredit',
  'theatre',
  'mosques',
  'dashboards',
  'playgrounds',
  'evictions',
  'hackathon',
  'welding',
  'doulas',
  'remittances',
  'tenancy',
  'murals',
];
const phrases = [
  'asylum seekers',
  'language courses',
  'social housing',
  'mental health',
  'legal advice',
  'host communities',
  'job placement',
  'community policing',
  'welcome centres',
  'participatory budgeting',
  'hate speech',
  'unaccompanied minors',
];
const typos = ['refugee houseing', 'imigrants', 'langauge', 'employmnet', 'helth care', 'educaton', 'discrimnation', 'voluntears', 'shelterr', 'integraton'];
const foreign = [
  'logement',
  'vivienda',
  'réfugiés',
  'refugiados',
  'emploi',
  'empleo',
  'santé',
  'salud',
  'accueil',
  'acogida',
  'sans-papiers',
  'convivencia',
  'cours de français',
  'inserción laboral',
];
const themeCodes = [
  'housing',
  'employment',
  'health',
  'education',
  'language',
  'reception-and-welcoming',
  'social-cohesion',
  'children-and-youth',
  'women-and-gender',
  'anti-discrimination',
  'governance-and-coordination',
  'undocumented-migrants',
  'culture-and-arts',
  'data-and-research',
];
const regionCodes = ['150', '155', '039', '154', '151', '019', '419', '021', '002', '202', '142', '145', '009'];
const countries = ['DE', 'FR', 'ES', 'IT', 'GB', 'US', 'CA', 'BR', 'MX', 'CO', 'PL', 'NL', 'BE', 'SE', 'TR', 'NG', 'KE', 'ZA', 'IN', 'AU'];
const statuses = ['ongoing', 'ended', 'mainstreamed', 'unknown'];
const actors = ['local-government', 'civil-society', 'international-organization', 'migrant-association', 'academia'];
const targets = ['refugees', 'asylum seekers', 'migrant women', 'unaccompanied minors', 'migrants'];

/**
 * A larger, seeded sequence of searches in the proportions people make them (mostly short
 * queries, many with a filter, few deep pages). Popular searches repeat, as they do in real
 * traffic; with `distinct` every search appears once, so nothing can come from a cache.
 * @example const mix = loadMix(2000); mix[0].query // 'q=refugees&theme=housing'
 */
export function loadMix(count: number, seed = 1, options: { distinct?: boolean } = {}): BenchQuery[] {
  const rng = seededRng(seed, 0xbeef);
  const broad = zipf(broadWords, 1);
  const out: BenchQuery[] = [];
  const seen = new Set<string>();
  const filters = (p: Record<string, string | number | (string | number)[]>) => {
    const r = rng();
    if (r < 0.35) p.theme = pick(rng, themeCodes);
    else if (r < 0.55) p.region = pick(rng, regionCodes);
    else if (r < 0.7) p.country = pick(rng, countries);
    else if (r < 0.8) p.status = pick(rng, statuses);
    else if (r < 0.87) p.actor = pick(rng, actors);
    else if (r < 0.93) p.target = pick(rng, targets);
    else p.evidence = [int(rng, 1, 3), int(rng, 4, 5)];
    if (chance(rng, 0.25)) p.status = pick(rng, statuses);
    if (chance(rng, 0.1)) {
      p.from = int(rng, 2000, 2015);
      p.to = int(rng, 2016, 2024);
    }
  };
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const r = rng();
    const p: Record<string, string | number | (string | number)[]> = {};
    let kind: QueryKind;
    if (r < 0.2) {
      kind = 'broad';
      p.q = broad.sample(rng);
    } else if (r < 0.32) {
      kind = 'two-word';
      p.q = `${broad.sample(rng)} ${pick(rng, [...broadWords, ...rarerWords])}`;
    } else if (r < 0.38) {
      kind = 'phrase';
      p.q = `"${pick(rng, phrases)}"`;
    } else if (r < 0.55) {
      kind = 'filtered+q';
      p.q = chance(rng, 0.7) ? broad.sample(rng) : pick(rng, rarerWords);
      filters(p);
    } else if (r < 0.72) {
      kind = 'filtered';
      filters(p);
    } else if (r < 0.78) {
      kind = 'misspelled';
      p.q = pick(rng, typos);
    } else if (r < 0.86) {
      kind = 'non-english';
      p.q = pick(rng, foreign);
    } else if (r < 0.93) {
      kind = 'sorted';
      if (chance(rng, 0.6)) p.q = broad.sample(rng);
      else filters(p);
      p.sort = pick(rng, ['newest', 'title']);
    } else {
      kind = 'deep-page';
      if (chance(rng, 0.6)) p.q = broad.sample(rng);
      else filters(p);
      p.page = Math.round(2 * 150 ** rng());
    }
    if (kind !== 'deep-page' && chance(rng, 0.12)) p.page = int(rng, 2, 5);
    const query = qs(p);
    if (options.distinct && seen.has(query)) continue;
    seen.add(query);
    out.push({ kind, query });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 0);
  for (const q of n > 0 ? loadMix(n) : baseQueries) process.stdout.write(`${q.kind}\t${q.query}\n`);
}
