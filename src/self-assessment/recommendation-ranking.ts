import { regionsOf } from '../geo/countries.ts';
import type { CatalogueSnapshot } from '../search/catalogue-snapshot.ts';
import type { PublishedIndex } from './benchmark.repo.ts';
import { type CityContext, closeShareWithin, peerThreshold, practicesPerDimension } from './recommendation.repo.ts';
import { sizeBand } from './size-band.ts';

/** A candidate practice with the facts of its ranking. */
export interface RankedPractice {
  id: string;
  city: string | null;
  country: string | null;
  evidenceLevel: number | null;
  transferable: boolean;
  peerScore: number | null;
  similarSize: boolean;
  sameRegion: boolean;
  closeShare: boolean;
  points: number;
}

/** The city recommended to. */
export interface RankingTarget {
  country: string;
  slug: string;
  population: number | null;
  foreignBornShare: number | null;
}

const regionOfCountry = new Map<string, string | null>();
const regionOf = (country: string) => {
  let r = regionOfCountry.get(country);
  if (r === undefined) {
    r = regionsOf(country).region;
    regionOfCountry.set(country, r);
  }
  return r;
};

/**
 * The cities scoring at least `peerThreshold` on a dimension in their latest public own snapshot
 * of `frameworkVersion` (the indexes hold neither private snapshots nor the demo's examples):
 * `COUNTRY/slug` → score.
 * @example peerScoresOf(indexes, 'housing-and-neighbourhoods', 1)
 */
export function peerScoresOf(indexes: PublishedIndex[], dimension: string, frameworkVersion: number): Map<string, number> {
  let byDimension = peerScoresKept.get(indexes);
  if (!byDimension) {
    byDimension = new Map();
    peerScoresKept.set(indexes, byDimension);
  }
  const key = `${frameworkVersion}|${dimension}`;
  let out = byDimension.get(key);
  if (!out) {
    out = readPeerScores(indexes, dimension, frameworkVersion);
    byDimension.set(key, out);
  }
  return out;
}

/** The peer scores worked out per list of indexes (itself kept per assessments version) and dimension. */
const peerScoresKept = new WeakMap<PublishedIndex[], Map<string, Map<string, number>>>();

function readPeerScores(indexes: PublishedIndex[], dimension: string, frameworkVersion: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of indexes) {
    const score = i.scores.dimensions[dimension]?.score;
    if (!i.example && i.frameworkVersion === frameworkVersion && typeof score === 'number' && score >= peerThreshold) out.set(`${i.country}/${i.slug}`, score);
  }
  return out;
}

/** What a city brings to a practice's points, per code of the snapshot's city column. */
export interface CityFacts {
  place: (CityContext | undefined)[];
  similarSize: Uint8Array;
  closeShare: Uint8Array;
}

/** The recorded city of each code of the snapshot's city column, looked up once per snapshot column and list of cities. */
const placesKept = new WeakMap<CityContext[], { values: string[]; place: (CityContext | undefined)[] }>();

function placesOf(snap: CatalogueSnapshot, contexts: CityContext[]): (CityContext | undefined)[] {
  const values = snap.facets.city.values;
  const kept = placesKept.get(contexts);
  if (kept && kept.values === values && kept.place.length === values.length) return kept.place;
  const byKey = new Map(contexts.map((c) => [`${c.country.toLowerCase()}-${c.slug}`, c]));
  const place = values.map((v) => byKey.get(v));
  placesKept.set(contexts, { values, place });
  return place;
}

/**
 * How each city of the catalogue compares with the city recommended to (same size band, share
 * born abroad within five points): worked out once per page, for all its dimensions.
 * @example const facts = cityFactsFor(snap, target, contexts);
 */
export function cityFactsFor(snap: CatalogueSnapshot, target: RankingTarget, contexts: CityContext[]): CityFacts {
  const place = placesOf(snap, contexts);
  const n = place.length;
  const facts: CityFacts = { place, similarSize: new Uint8Array(n), closeShare: new Uint8Array(n) };
  const band = sizeBand(target.population);
  for (let code = 0; code < n; code++) {
    const p = place[code];
    if (!p) continue;
    if (band !== undefined && sizeBand(p.population) === band) facts.similarSize[code] = 1;
    if (target.foreignBornShare !== null && p.foreignBornShare !== null && Math.abs(p.foreignBornShare - target.foreignBornShare) <= closeShareWithin)
      facts.closeShare[code] = 1;
  }
  return facts;
}

/** The peers' scores on a dimension by code of the snapshot's city column (NaN for cities that are no peer there). */
function peerScoreByCode(snap: CatalogueSnapshot, peers: Map<string, number>): Float64Array {
  const col = snap.facets.city;
  const out = new Float64Array(col.values.length).fill(Number.NaN);
  for (const [key, score] of peers) {
    const code = col.codeOf.get(`${key.slice(0, 2).toLowerCase()}-${key.slice(3)}`);
    if (code !== undefined) out[code] = score;
  }
  return out;
}

/**
 * The best practices to learn from for one dimension, ranked on the catalogue snapshot held in
 * memory (no scan of the practices table): the published practices having one of `themes`, the
 * target city's own left out, scored by evidence level ×2, +2 judged transferable, +1 same UN
 * region, +1 same size band, +1 share born abroad within five points, +2 when the practice's
 * city scores 75 or more on the dimension (`peers`, public own snapshots only); ties by
 * evidence level, then id. Up to five. The facts of each city and country are worked out once,
 * and a practice becomes an object only when it enters the best five.
 * @example rankForDimension(snap, ['housing'], target, cityFactsFor(snap, target, contexts), peers)
 */
export function rankForDimension(
  snap: CatalogueSnapshot,
  themes: string[],
  target: RankingTarget,
  facts: CityFacts,
  peers: Map<string, number>,
  exclude: ReadonlySet<string> = new Set(),
): RankedPractice[] {
  const { theme, evidence, assessed, city: cityCol, country: countryCol } = snap.facets;
  const peerScore = peerScoreByCode(snap, peers);
  const levelOf = evidence.values.map((v) => Number(v) || 0);
  const targetRegion = regionOf(target.country);
  const sameRegionOf = countryCol.values.map((c) => (targetRegion !== null && regionOf(c) === targetRegion ? 1 : 0));
  const own = cityCol.codeOf.get(`${target.country.toLowerCase()}-${target.slug}`) ?? -1;
  const transferableCode = assessed.codeOf.get('transferable') ?? -1;
  const seen = new Uint8Array(snap.size);
  const best: RankedPractice[] = [];
  const worse = (points: number, level: number, id: string, b: RankedPractice) =>
    points - b.points || level - (b.evidenceLevel ?? 0) || (id < b.id ? 1 : id > b.id ? -1 : 0);
  for (const t of themes) {
    const themeCode = theme.codeOf.get(t);
    if (themeCode === undefined) continue;
    for (const row of theme.rowsOf[themeCode]) {
      if (seen[row] || !snap.live[row]) continue;
      seen[row] = 1;
      const cityCode = cityCol.offsets[row] < cityCol.offsets[row + 1] ? cityCol.codes[cityCol.offsets[row]] : -1;
      if (cityCode === own && own >= 0) continue;
      const countryCode = countryCol.offsets[row] < countryCol.offsets[row + 1] ? countryCol.codes[countryCol.offsets[row]] : -1;
      const level = evidence.offsets[row] < evidence.offsets[row + 1] ? levelOf[evidence.codes[evidence.offsets[row]]] : 0;
      let transferable = 0;
      for (let j = assessed.offsets[row]; j < assessed.offsets[row + 1]; j++) if (assessed.codes[j] === transferableCode) transferable = 1;
      const peer = cityCode >= 0 ? peerScore[cityCode] : Number.NaN;
      const sameRegion = countryCode >= 0 ? sameRegionOf[countryCode] : 0;
      const similarSize = cityCode >= 0 ? facts.similarSize[cityCode] : 0;
      const closeShare = cityCode >= 0 ? facts.closeShare[cityCode] : 0;
      const points = level * 2 + transferable * 2 + sameRegion + similarSize + closeShare + (Number.isNaN(peer) ? 0 : 2);
      const id = snap.ids[row];
      // The best five so far, kept sorted: most candidates fall below the fifth at once.
      if (best.length === practicesPerDimension && worse(points, level, id, best[best.length - 1]) <= 0) continue;
      // Shortlisted or dismissed practices are few: looked up only for a practice that would enter.
      if (exclude.size > 0 && exclude.has(id)) continue;
      const place = cityCode >= 0 ? facts.place[cityCode] : undefined;
      const candidate: RankedPractice = {
        id,
        city: place?.name ?? (cityCode >= 0 ? cityCol.labels[cityCode] : null),
        country: countryCode >= 0 ? countryCol.values[countryCode] : null,
        evidenceLevel: level || null,
        transferable: transferable === 1,
        peerScore: Number.isNaN(peer) ? null : peer,
        similarSize: similarSize === 1,
        sameRegion: sameRegion === 1,
        closeShare: closeShare === 1,
        points,
      };
      let at = best.length < practicesPerDimension ? best.length : practicesPerDimension - 1;
      best[at] = candidate;
      while (at > 0 && worse(best[at].points, best[at].evidenceLevel ?? 0, best[at].id, best[at - 1]) > 0) {
        [best[at], best[at - 1]] = [best[at - 1], best[at]];
        at--;
      }
    }
  }
  return best;
}
