import type { PublicPerson } from './person.repo.ts';

/** A person as the API gives them: what their public page shows, never an email address. */
export interface ApiPerson {
  slug: string;
  name: string;
  job_title: string | null;
  /** The organisation they name in their profile, as they typed it. */
  organization: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** As the person typed them (e.g. "Spanish"). */
  languages: string[];
  /** Themes of the vocabulary (see /api). */
  expertise: string[];
  bio: string | null;
  url: string;
}

/**
 * A person in the API's shape, with their page's address.
 * @example toApiPerson(person, 'https://clearinghouse.example').url // 'https://clearinghouse.example/people/ana-lopez'
 */
export function toApiPerson(p: PublicPerson, publicUrl: string): ApiPerson {
  return {
    slug: p.slug,
    name: p.name,
    job_title: p.job_title,
    organization: p.organization,
    city: p.city,
    country: p.country,
    languages: p.languages,
    expertise: p.expertise,
    bio: p.bio,
    url: `${publicUrl}/people/${encodeURIComponent(p.slug)}`,
  };
}
