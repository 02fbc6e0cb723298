import { type LinkSource, practiceLinkSource } from '../link-check/link-check-jobs.ts';
import { resourceLinkSource } from '../resources/resource-link-source.repo.ts';

/**
 * Every kind of link the link checker checks, in one place: the weekly job (src/main.ts) and
 * `clearinghouse check-links` both take this list, so a new kind is added here once. The link
 * checker itself imports none of the areas whose links it checks.
 * @example defineLinkCheckJob(linkSources());
 */
export function linkSources(): LinkSource[] {
  return [practiceLinkSource, resourceLinkSource];
}
