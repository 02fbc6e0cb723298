import type { Database } from '../db/database.ts';
import { adminCount } from '../organizations/membership.repo.ts';
import { findOrganization } from '../organizations/organization.repo.ts';
import { findPublicPerson } from './person.repo.ts';

/** The contact a practice record names (`contact` of the exchange format). */
export interface NamedContact {
  organization?: string;
  person?: string;
}

/** Who a practice's contact form reaches, and where to ask when nobody can be written to. */
export interface PracticeContact {
  /** The person named, while their profile is public: the form writes to them. */
  person?: { slug: string; name: string };
  /** The organisation named, if in the directory: the form writes to its admins when there is no person and it has some. */
  organization?: { id: string; slug: string; name: string; admins: number };
  /** Whether the form reaches anyone. */
  reachable: boolean;
}

/**
 * What a practice's named contact amounts to now: a person with a public profile, an organisation
 * of the directory (with how many admins can answer for it), or neither.
 * @example const contact = await practiceContact(db, record.contact); if (contact.reachable) …
 */
export async function practiceContact(db: Database, named: NamedContact | undefined): Promise<PracticeContact> {
  const [person, org] = await Promise.all([
    named?.person ? findPublicPerson(db, named.person) : undefined,
    named?.organization ? findOrganization(db, named.organization) : undefined,
  ]);
  const admins = org ? await adminCount(db, org.id) : 0;
  return {
    person: person && { slug: person.slug, name: person.name },
    organization: org && { id: org.id, slug: org.slug, name: org.name, admins },
    reachable: !!person || admins > 0,
  };
}
