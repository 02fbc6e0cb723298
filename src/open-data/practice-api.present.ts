import type { PracticeWithLineage } from '../practices/practice.repo.ts';
import { practicePageUrl } from './open-data.urls.ts';

type Link = { id: string; changes: string | null; title: string | null; city: string | null; country: string | null };

/** One practice of a lineage in the API's shape: its page when it is in this catalogue. */
const toApiLink = (link: Link, publicUrl: string) => ({
  id: link.id,
  changes: link.changes,
  title: link.title,
  city: link.city,
  country: link.country,
  url: link.title === null ? null : practicePageUrl(publicUrl, link.id),
});

/**
 * A practice's lineage for GET /api/v1/practices/{id}: what it adapts (a practice not yet in
 * the catalogue has no title and no page) and what adapts it.
 * @example toApiLineage(practice, 'https://example.org').adapted_by[0].url // 'https://example.org/practices/…'
 */
export function toApiLineage(practice: PracticeWithLineage, publicUrl: string) {
  return {
    adapted_from: practice.adapted_from.map((l) => toApiLink(l, publicUrl)),
    adapted_by: practice.adapted_by.map((l) => toApiLink(l, publicUrl)),
  };
}
