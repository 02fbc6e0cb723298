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

/** Median and range of some scores; null when there are fewer than `minimumPeers`. */
export function peerStats(scores: number[]): PeerStats | null {
  if (scores.length < minimumPeers) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], cities: sorted.length };
}

function group(kind: PeerGroup['kind'], value: string, peers: PublishedIndex[], dimensions: string[]): PeerGroup {
  const of = (pick: (p: PublishedIndex) => number | null | undefined) => peerStats(peers.map(pick).filter((s): s is number => typeof s === 'number'));
  return {
    kind,
    value,
    cities: peers.length,
    overall: of((p) => p.scores.overall.score),
    dimensions: Object.fromEntries(dimensions.map((d) => [d, of((p) => p.scores.dimensions[d]?.score)])),
  };
}

/**
 * How a city's peers score: the peer cities its representatives chose (when they chose some),
 * the cities of its UN region, of its size band (when its population is known) and all cities, each over their latest public snapshots, the city itself left out.
 * A median is only given over three cities or more, so no single city's answers can be read
 * from it.
 * @example peerGroups(indexes, { country: 'DE', slug: 'berlin', population: 3_670_000 }, dimensionCodes)
 */
export function peerGroups(
  indexes: PublishedIndex[],
  city: { country: string; slug: string; population: number | null },
  dimensions: string[],
  chosen: { country: string; slug: string }[] = [],
): PeerGroup[] {
  const others = indexes.filter((i) => !(i.country === city.country && i.slug === city.slug));
  const region = regionsOf(city.country).region;
  const band: SizeBand | undefined = sizeBand(city.population);
  const groups: PeerGroup[] = [];
  if (chosen.length) {
    const picked = new Set(chosen.map((c) => `${c.country}/${c.slug}`));
    groups.push(
      group(
        'chosen',
        '',
        others.filter((i) => picked.has(`${i.country}/${i.slug}`)),
        dimensions,
      ),
    );
  }
  if (region)
    groups.push(
      group(
        'region',
        region,
        others.filter((i) => regionsOf(i.country).region === region),
        dimensions,
      ),
    );
  if (band)
    groups.push(
      group(
        'size',
        band,
        others.filter((i) => sizeBand(i.population) === band),
        dimensions,
      ),
    );
  groups.push(group('all', '', others, dimensions));
  return groups;
}
