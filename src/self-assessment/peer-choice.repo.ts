import type { Database } from '../db/database.ts';

/** A chosen peer city. */
export interface ChosenPeer {
  country: string;
  slug: string;
  name: string;
}

/** The peer cities a city's representatives chose, by country and name. */
export async function chosenPeers(db: Database, country: string, slug: string): Promise<ChosenPeer[]> {
  return db
    .selectFrom('city_peer_choices')
    .innerJoin('cities', (j) => j.onRef('cities.country', '=', 'city_peer_choices.peer_country').onRef('cities.slug', '=', 'city_peer_choices.peer_slug'))
    .select(['cities.country', 'cities.slug', 'cities.name'])
    .where('city_peer_choices.country', '=', country)
    .where('city_peer_choices.slug', '=', slug)
    .orderBy('cities.country')
    .orderBy('cities.name')
    .execute();
}

/** Replaces a city's chosen peers. */
export async function replaceChosenPeers(
  db: Database,
  city: { country: string; slug: string },
  peers: { country: string; slug: string }[],
  userId: number,
): Promise<void> {
  await db.deleteFrom('city_peer_choices').where('country', '=', city.country).where('slug', '=', city.slug).execute();
  if (peers.length === 0) return;
  await db
    .insertInto('city_peer_choices')
    .values(peers.map((p) => ({ country: city.country, slug: city.slug, peer_country: p.country, peer_slug: p.slug, chosen_by: userId })))
    .execute();
}
