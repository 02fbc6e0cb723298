import type { OaiCursor, OaiItem, OaiListQuery, OaiSource } from './oai-source.ts';

/**
 * One page of items across every source, in (datestamp, kind, id) order: each source gives
 * its next `limit` items after the cursor, and the page keeps the first `limit` of them all.
 * Sources return their items ordered, so a stable sort by (datestamp, kind) keeps each
 * source's id order, the same order its next query resumes from.
 * @example const items = await listAcross(sources, { limit: 101, withMetadata: true });
 */
export async function listAcross(sources: OaiSource[], query: OaiListQuery): Promise<OaiItem[]> {
  const pages = await Promise.all(sources.map((s) => s.list(query)));
  const all = pages.flat();
  all.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return all.slice(0, query.limit);
}

/** Whether a set spec has the syntax of the protocol (colon-separated parts of unreserved characters). */
export const isSetSpec = (spec: string) => /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/.test(spec);

/** Whether a metadata prefix has the syntax of the protocol. */
export const isMetadataPrefix = (prefix: string) => /^[A-Za-z0-9\-_.!~*'()]+$/.test(prefix);

/** The cursor after an item. */
export const cursorAfter = (item: OaiItem): OaiCursor => ({ stamp: item.stamp, kind: item.kind, id: item.id });
