import type { Database } from '../db/database.ts';
import { regionsOf } from '../geo/countries.ts';
import { latestPublicIndexes } from '../self-assessment/benchmark.repo.ts';
import { cityContexts } from '../self-assessment/recommendation.repo.ts';
import { recommendPractices } from '../self-assessment/recommendations.ts';
import { type SizeBand, sizeBand } from '../self-assessment/size-band.ts';
import type { ExchangeCity } from './exchange.repo.ts';
import type { CityKey } from './exchange.schema.ts';
import { adaptationsOf, type NamedPractice, practiceCities, sharedGroupsOf } from './partner.repo.ts';

/** Why a city is suggested as a partner: each reason is one line on the page. */
export type PartnerReason =
  | { kind: 'size-region'; band: SizeBand; region: string }
  | { kind: 'weak-theme'; dimension: string; practice: NamedPractice & { lang: string } }
  | { kind: 'adaptation'; practice: NamedPractice; adaptedFrom: NamedPractice; ours: boolean }
  | { kind: 'group'; group: { slug: string; name: string } };

/** A suggested partner city with its reasons, the strongest first. */
export interface PartnerSuggestion {
  city: ExchangeCity;
  reasons: PartnerReason[];
}

/** How many partners the page suggests. */
export const suggestedPartners = 12;

const keyOf = (c: CityKey) => `${c.country}/${c.slug}`;
/** The narrowest UN region known of a country: its sub-region, else its region. */
const regionOfCountry = (country: string) => {
  const r = regionsOf(country);
  return r.subregion ?? r.region;
};

/**
 * Partner cities for a city, each with why, ranked by the number of reasons (then by name): a
 * city of the same size band in the same UN sub-region; a city whose practice is recommended
 * for one of the city's three weakest dimensions in its latest public self-assessment (its own,
 * else the demo's example; the self-assessment's recommendations, reused); an adaptation
 * (`practice_links`) between a practice of each; a group where representatives of both are
 * active members.
 * @example const partners = await suggestPartners(db, { country: 'DE', slug: 'berlin' }, 'fr');
 */
export async function suggestPartners(db: Database, city: CityKey, locale: string): Promise<PartnerSuggestion[]> {
  const [contexts, own, examples, adaptations, groups] = await Promise.all([
    cityContexts(db),
    latestPublicIndexes(db, { examples: false }),
    latestPublicIndexes(db, { examples: true }),
    adaptationsOf(db, city),
    sharedGroupsOf(db, city, locale),
  ]);
  const byKey = new Map(contexts.map((c) => [keyOf(c), c]));
  const self = byKey.get(keyOf(city));
  const reasons = new Map<string, PartnerReason[]>();
  const add = (partner: CityKey, reason: PartnerReason) => {
    const key = keyOf(partner);
    if (key === keyOf(city) || !byKey.has(key)) return;
    reasons.set(key, [...(reasons.get(key) ?? []), reason]);
  };

  const band = sizeBand(self?.population);
  const region = regionOfCountry(city.country);
  if (band && region)
    for (const c of contexts) if (sizeBand(c.population) === band && regionOfCountry(c.country) === region) add(c, { kind: 'size-region', band, region });

  const index = own.find((i) => keyOf(i) === keyOf(city)) ?? examples.find((i) => keyOf(i) === keyOf(city));
  if (index) {
    const recommended = await recommendPractices(db, { country: city.country, slug: city.slug, score: index.scores, locale });
    const places = await practiceCities(db, [...new Set(recommended.flatMap((d) => d.practices.map((p) => p.id)))]);
    const seen = new Set<string>();
    for (const d of recommended)
      for (const p of d.practices) {
        const partner = places.get(p.id);
        // One practice per partner city is enough to say why.
        if (!partner || seen.has(keyOf(partner))) continue;
        seen.add(keyOf(partner));
        add(partner, { kind: 'weak-theme', dimension: d.dimension, practice: { id: p.id, title: p.title, lang: p.lang } });
      }
  }

  for (const a of adaptations) add(a.partner, { kind: 'adaptation', practice: a.practice, adaptedFrom: a.adaptedFrom, ours: a.ours });
  const groupSeen = new Set<string>();
  for (const g of groups) {
    if (groupSeen.has(`${keyOf(g.partner)} ${g.slug}`)) continue;
    groupSeen.add(`${keyOf(g.partner)} ${g.slug}`);
    add(g.partner, { kind: 'group', group: { slug: g.slug, name: g.name } });
  }

  const order: PartnerReason['kind'][] = ['adaptation', 'weak-theme', 'group', 'size-region'];
  return [...reasons]
    .map(([key, rs]) => {
      const c = byKey.get(key) as (typeof contexts)[number];
      return { city: { country: c.country, slug: c.slug, name: c.name }, reasons: rs.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)) };
    })
    .sort((a, b) => b.reasons.length - a.reasons.length || a.city.name.localeCompare(b.city.name) || keyOf(a.city).localeCompare(keyOf(b.city)))
    .slice(0, suggestedPartners);
}
