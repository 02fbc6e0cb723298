import { regionsOf } from '../geo/countries.ts';
import type { PublishedIndex } from './benchmark.repo.ts';
import { type SizeBand, sizeBand } from './size-band.ts';

/** Fewer peers than this and a median would show a city's own answers: nothing is shown. */
export const minimumPeers = 3;

/** The peers' scores on one dimension (or the overall index): median and range over `cities`. */
export interface PeerStats {
  median: number;
  min: number;
  max: number;
  cities: number;
}

/** One group of peer cities and their scores, dimension by dimension; null where fewer than three have one. */
export interface PeerGroup {
  kind: 'chosen' | 'region' | 'size' | 'all';
  /** The UN region's code or the size band, for the label. */
  value: string;
  cities: number;
  overall: PeerStats | null;
  dimensions: Record<string, PeerStats | null>;
}

/** A group's scores sorted once, per dimension and overall, so each city's comparison only leaves its own out. */
interface SortedGroup {
  members: PublishedIndex[];
  overall: Float64Array;
  dimensions: Record<string, Float64Array>;
}

/** The scores the members have, ascending (a typed array sorts numbers natively). */
function scoresOf(members: PublishedIndex[], pick: (p: PublishedIndex) => number | null | undefined): Float64Array {
  const out = new Float64Array(members.length);
  let n = 0;
  for (const m of members) {
    const s = pick(m);
    if (typeof s === 'number') out[n++] = s;
  }
  return out.subarray(0, n).sort();
}

function sortedGroup(members: PublishedIndex[], dimensions: string[]): SortedGroup {
  return {
    members,
    overall: scoresOf(members, (p) => p.scores.overall.score),
    dimensions: Object.fromEntries(dimensions.map((d) => [d, scoresOf(members, (p) => p.scores.dimensions[d]?.score)])),
  };
}

/** Median and range of sorted scores with one occurrence of `own` left out (none when undefined). */
function statsWithout(sorted: Float64Array, own: number | null | undefined): PeerStats | null {
  let skip = -1;
  if (typeof own === 'number') {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < own) lo = mid + 1;
      else hi = mid;
    }
    if (sorted[lo] === own) skip = lo;
  }
  const n = skip >= 0 ? sorted.length - 1 : sorted.length;
  if (n < minimumPeers) return null;
  const at = (i: number) => (skip >= 0 && i >= skip ? sorted[i + 1] : sorted[i]);
  const mid = n >> 1;
  return { median: n % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2, min: at(0), max: at(n - 1), cities: n };
}

/** The region, size and all-cities groups, sorted once per list of indexes (itself kept per assessments version). */
const sortedGroups = new WeakMap<PublishedIndex[], Map<string, SortedGroup>>();

function keptGroup(indexes: PublishedIndex[], key: string, dimensions: string[], belongs: (i: PublishedIndex) => boolean): SortedGroup {
  let groups = sortedGroups.get(indexes);
  if (!groups) {
    groups = new Map();
    sortedGroups.set(indexes, groups);
  }
  const cacheKey = `${key}|${dimensions.join(',')}`;
  let g = groups.get(cacheKey);
  if (!g) {
    g = sortedGroup(indexes.filter(belongs), dimensions);
    groups.set(cacheKey, g);
  }
  return g;
}

/** A group's comparison for one city: its own latest snapshot (when the group holds it) left out. */
function comparison(kind: PeerGroup['kind'], value: string, g: SortedGroup, own: PublishedIndex | undefined, dimensions: string[]): PeerGroup {
  const mine = own && g.members.includes(own) ? own : undefined;
  return {
    kind,
    value,
    cities: g.members.length - (mine ? 1 : 0),
    overall: statsWithout(g.overall, mine?.scores.overall.score),
    dimensions: Object.fromEntries(dimensions.map((d) => [d, statsWithout(g.dimensions[d], mine?.scores.dimensions[d]?.score)])),
  };
}

/**
 * How a city's peers score: the peer cities its representatives chose (when they chose some),
 * the cities of its UN region, of its size band (when its population is known) and all cities, each over their latest public snapshots
 * of the same framework version (scores of different versions are never compared), the city itself left out.
 * A median is only given over three cities or more, so no single city's answers can be read
 * from it. The region, size and all-cities scores are sorted once per list of indexes; each
 * city's comparison then leaves its own scores out of them.
 * @example peerGroups(indexes, { country: 'DE', slug: 'berlin', population: 3_670_000 }, dimensionCodes)
 */
export function peerGroups(
  indexes: PublishedIndex[],
  city: { country: string; slug: string; population: number | null },
  dimensions: string[],
  chosen: { country: string; slug: string }[] = [],
  frameworkVersion = 1,
): PeerGroup[] {
  const version = (i: PublishedIndex) => i.frameworkVersion === frameworkVersion;
  const own = indexes.find((i) => version(i) && i.country === city.country && i.slug === city.slug);
  const region = regionsOf(city.country).region;
  const band: SizeBand | undefined = sizeBand(city.population);
  const groups: PeerGroup[] = [];
  if (chosen.length) {
    const picked = new Set(chosen.map((c) => `${c.country}/${c.slug}`));
    const members = indexes.filter((i) => version(i) && i !== own && picked.has(`${i.country}/${i.slug}`));
    groups.push(comparison('chosen', '', sortedGroup(members, dimensions), undefined, dimensions));
  }
  if (region) {
    const g = keptGroup(indexes, `v${frameworkVersion}|region:${region}`, dimensions, (i) => version(i) && regionsOf(i.country).region === region);
    groups.push(comparison('region', region, g, own, dimensions));
  }
  if (band) {
    const g = keptGroup(indexes, `v${frameworkVersion}|size:${band}`, dimensions, (i) => version(i) && sizeBand(i.population) === band);
    groups.push(comparison('size', band, g, own, dimensions));
  }
  groups.push(comparison('all', '', keptGroup(indexes, `v${frameworkVersion}|all`, dimensions, version), own, dimensions));
  return groups;
}
