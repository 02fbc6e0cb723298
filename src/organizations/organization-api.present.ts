import type { ListedOrganization } from './organization.repo.ts';

/** An organisation as the API and the CSV export give it. */
export interface ApiOrganization {
  slug: string;
  name: string;
  acronym: string | null;
  /** An actor type of the vocabulary (see /api), null when not known. */
  type: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** UN M49 region code. */
  region: string | null;
  website: string | null;
  languages: string[];
  themes: string[];
  founded: number | null;
  verified: boolean;
  /** How many practices name it as lead organisation or partner. */
  practices: number;
  url: string;
}

/**
 * An organisation in the API's shape: its page's address, never who verified it.
 * @example toApiOrganization(row, 'https://clearinghouse.example').url // 'https://clearinghouse.example/organizations/international-metropolis'
 */
export function toApiOrganization(o: ListedOrganization, publicUrl: string): ApiOrganization {
  return {
    slug: o.slug,
    name: o.name,
    acronym: o.acronym,
    type: o.type,
    city: o.city,
    country: o.country,
    region: o.region,
    website: o.url,
    languages: o.languages,
    themes: o.themes,
    founded: o.founded,
    verified: o.verified,
    practices: o.practices,
    url: `${publicUrl}/organizations/${encodeURIComponent(o.slug)}`,
  };
}
