import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionsOf } from '../geo/countries.ts';
import type { PublishedIndex } from './benchmark.repo.ts';
import { minimumPeers, type PeerStats, peerGroups } from './peer-comparison.ts';
import { sizeBand } from './size-band.ts';

const dims = ['a', 'b'];
const countries = ['DE', 'FR', 'IT', 'BR', 'AR', 'JP', 'KE'];

/** The comparison worked out the plain way: the group's other cities, their scores sorted, the median taken. */
function naive(scores: number[]): PeerStats | null {
  if (scores.length < minimumPeers) return null;
  const s = [...scores].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], cities: s.length };
}

const score = fc.option(fc.constantFrom(0, 25, 50, 62.5, 75, 100), { nil: null });
const indexArb = fc.record({
  country: fc.constantFrom(...countries),
  slug: fc.constantFrom('x', 'y', 'z', 'w'),
  population: fc.option(fc.constantFrom(50_000, 300_000, 1_000_000, 3_000_000), { nil: null }),
  overall: score,
  a: score,
  b: score,
});

type IndexRow = typeof indexArb extends fc.Arbitrary<infer T> ? T : never;

const toIndex = (r: IndexRow, n: number): PublishedIndex => ({
  id: String(n),
  country: r.country,
  slug: r.slug,
  name: r.slug,
  population: r.population,
  foreignBornShare: null,
  publishedAt: new Date(0),
  example: false,
  frameworkVersion: 1,
  scores: {
    overall: { score: r.overall, coverage: 1, answered: 1, total: 1, provisional: false },
    dimensions: Object.fromEntries(dims.map((d) => [d, { score: r[d as 'a' | 'b'], coverage: 1, answered: 1, total: 1 }])),
  },
});

describe('peer comparison', () => {
  it('gives, for any city, the median and range of the other cities of each group, never over fewer than three', () => {
    fc.assert(
      fc.property(fc.uniqueArray(indexArb, { selector: (r) => `${r.country}/${r.slug}`, maxLength: 25 }), fc.nat(), (rows, pick) => {
        const indexes = rows.map(toIndex);
        const me = rows.length ? rows[pick % rows.length] : { country: 'DE', slug: 'nowhere', population: 300_000 };
        const city = { country: me.country, slug: me.slug, population: me.population };
        const others = indexes.filter((i) => !(i.country === city.country && i.slug === city.slug));
        // Asked twice: the second answer comes from the groups sorted by the first.
        for (let round = 0; round < 2; round++) {
          for (const g of peerGroups(indexes, city, dims)) {
            const members = others.filter((i) =>
              g.kind === 'region' ? regionsOf(i.country).region === g.value : g.kind === 'size' ? sizeBand(i.population) === g.value : true,
            );
            const of = (pick: (i: PublishedIndex) => number | null | undefined) => naive(members.map(pick).filter((s): s is number => typeof s === 'number'));
            expect(g.cities).toBe(members.length);
            expect(g.overall).toEqual(of((i) => i.scores.overall.score));
            for (const d of dims) expect(g.dimensions[d]).toEqual(of((i) => i.scores.dimensions[d]?.score));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
