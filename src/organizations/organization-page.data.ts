import type { Database } from '../db/database.ts';
import type { SessionAccount } from '../http/app-env.ts';
import { type LinkedResource, resourcesLinkedTo } from '../resources/resource.repo.ts';
import { can } from '../security/authorize.ts';
import { adminCount, findMembership, type ManagedMember, managedMembers, type OrganizationPeople, peopleOfOrganization } from './membership.repo.ts';
import { type OwnPlace, organizationPolicy } from './organization.policy.ts';
import { type NamingPractice, type OrganizationRow, practicesOfOrganization } from './organization.repo.ts';

/** What a signed-in reader sees of the membership part of an organisation's page. */
export interface ReaderMembership {
  csrf: string;
  place: OwnPlace;
  /** Editors: the verify form. */
  mayVerify: boolean;
  /** The organisation's admins and the site's editors: every member and request, and how many admins there are. */
  managed?: { members: ManagedMember[]; admins: number };
}

/** Everything an organisation's page shows. */
export interface OrganizationPageData {
  org: OrganizationRow;
  practices: NamingPractice[];
  people: OrganizationPeople;
  /** The resources of the library that document the organisation's work. */
  resources: LinkedResource[];
  /** Undefined for an anonymous visitor (whose page may be kept and shared). */
  reader?: ReaderMembership;
}

/**
 * Loads an organisation's page: its practices, its public people and member count, and for a
 * signed-in reader their own place in it, plus the members and requests when they manage it.
 * @example const data = await loadOrganizationPage(db, org, c.get('account'), 'fr');
 */
export async function loadOrganizationPage(
  db: Database,
  org: OrganizationRow,
  account: SessionAccount | undefined,
  locale: string,
): Promise<OrganizationPageData> {
  const [practices, people, place, resources] = await Promise.all([
    practicesOfOrganization(db, org, locale),
    peopleOfOrganization(db, org.id),
    account ? findMembership(db, org.id, account.userId) : undefined,
    resourcesLinkedTo(db, 'organization', org.slug),
  ]);
  if (!account) return { org, practices, people, resources };
  const reader: ReaderMembership = { csrf: account.csrfToken, place, mayVerify: can(account, organizationPolicy.verify) };
  if (can(account, organizationPolicy.manageMembers, place)) {
    const [members, admins] = await Promise.all([managedMembers(db, org.id), adminCount(db, org.id)]);
    reader.managed = { members, admins };
  }
  return { org, practices, people, resources, reader };
}
