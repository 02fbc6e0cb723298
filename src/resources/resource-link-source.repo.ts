import type { Database } from '../db/database.ts';
import type { LinkSource } from '../link-check/link-check-jobs.ts';
import type { LinkTarget } from '../link-check/link-checker.ts';

/**
 * Each resource's link and the link of its archived copy, as link targets (by slug, with its title).
 * @example const targets = await resourceLinkTargets(db);
 */
export async function resourceLinkTargets(db: Database): Promise<LinkTarget[]> {
  const rows = await db.selectFrom('resources').select(['slug', 'title', 'url', 'archive_url']).orderBy('slug').execute();
  return rows.flatMap((r) =>
    [r.url, r.archive_url].filter((url): url is string => !!url).map((url) => ({ kind: 'resource', id: r.slug, title: r.title, url })),
  );
}

/** The resources' links, for the weekly link check and `clearinghouse check-links`. */
export const resourceLinkSource: LinkSource = { kind: 'resource', list: resourceLinkTargets };
