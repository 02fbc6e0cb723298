import { recordAudit } from '../audit/audit.repo.ts';
import { findCity } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import { badRequest } from '../http/errors.ts';
import { parseCityRef } from './grant-representative.command.ts';
import { replaceChosenPeers } from './peer-choice.repo.ts';
import { type AssessmentActor, representedCity } from './represented-city.ts';

/** At most this many chosen peers: a comparison group, not the whole network. */
export const maxChosenPeers = 20;

/**
 * Sets the peer cities a city compares itself with (as written on their pages' addresses,
 * "de/berlin", separated by commas, spaces or lines), replacing the earlier choice, with an
 * audit entry. Each must be a recorded city other than this one; a wrong one is a 400 naming it.
 * Representatives only.
 * @example await choosePeers(db, 'DE', 'duisburg', 'nl/utrecht, be/mechelen', actor);
 */
export async function choosePeers(db: Database, country: string, slug: string, refs: string, actor: AssessmentActor): Promise<number> {
  await representedCity(db, country, slug, actor);
  const words = refs.split(/[\s,;]+/).filter(Boolean);
  if (words.length > maxChosenPeers) throw badRequest(`at most ${maxChosenPeers} peer cities`);
  const peers: { country: string; slug: string }[] = [];
  for (const word of words) {
    const place = parseCityRef(word);
    if (!place || (place.country === country && place.slug === slug))
      throw badRequest(`"${word}" is not another city: give it as in its page's address, e.g. de/berlin`);
    if (!(await findCity(db, place.country, place.slug))) throw badRequest(`no city ${word} is recorded`);
    if (!peers.some((p) => p.country === place.country && p.slug === place.slug)) peers.push(place);
  }
  await db.transaction().execute(async (trx) => {
    await replaceChosenPeers(trx, { country, slug }, peers, actor.userId);
    await recordAudit(trx, {
      action: 'assessment_peers',
      actorUserId: actor.userId,
      target: `${country.toLowerCase()}/${slug}`,
      ip: actor.ip,
      details: { peers: peers.map((p) => `${p.country.toLowerCase()}/${p.slug}`) },
    });
  });
  return peers.length;
}
