import { slugify } from '../shared/text.ts';
import type { HarvestItem } from './harvest-item.ts';

/** A practice id of the exchange format. */
const practiceId = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The id a new harvested record would like: its own when valid, else a slug of its identifier's tail. */
export function wantedId(item: HarvestItem): string {
  const own = item.record?.id;
  if (typeof own === 'string' && practiceId.test(own) && own.length >= 3 && own.length <= 80) return own;
  const tail = item.originalId.split(/[:/]/).filter(Boolean).pop() ?? item.originalId;
  const slug = slugify(tail).slice(0, 70).replace(/-+$/, '');
  return slug.length >= 3 ? slug : `harvested-${slug || 'record'}`;
}

/**
 * The id of a local practice a record says it is: a link to this platform's page of a practice
 * (`{publicUrl}/practices/{id}`, with or without a language prefix) among its sources.
 */
export function localIdInSources(record: Record<string, unknown> | undefined, publicUrl: string): string | undefined {
  const sources = Array.isArray(record?.sources) ? (record.sources as { url?: unknown }[]) : [];
  const prefix = `${publicUrl}/`;
  for (const s of sources) {
    if (typeof s?.url !== 'string' || !s.url.startsWith(prefix)) continue;
    const m = /^(?:[a-z]{2}\/)?practices\/([^/?#]+)$/.exec(s.url.slice(prefix.length));
    if (m) return decodeURIComponent(m[1]);
  }
  return undefined;
}

/** A free id from `wanted`: itself, else with the first number suffix nobody uses. */
export function freeId(wanted: string, taken: (id: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const id = `${wanted.slice(0, 75)}-${n}`;
    if (!taken(id)) return id;
  }
}
