import { z } from '@hono/zod-openapi';
import { resourceTypes } from './resource.query.ts';
import type { ListedResource } from './resource.repo.ts';

/** A resource as the API, the JSON export and the CSV export give it. */
export const apiResource = z
  .object({
    slug: z.string(),
    type: z.enum(resourceTypes),
    title: z.string(),
    publisher: z.string(),
    authors: z.array(z.string()),
    year: z.number().int().nullable(),
    languages: z.array(z.string()).describe('ISO 639-1 codes.'),
    themes: z.array(z.string()).describe('Theme codes of the vocabulary (see /api).'),
    regions: z.array(z.string()).describe('UN M49 region codes ("001": the world).'),
    abstract: z.string(),
    link: z.string().url().nullable().describe('Where the publisher offers it.'),
    archived_link: z.string().url().nullable().describe('An archived copy of the link.'),
    pdf: z.string().url().nullable().describe('The PDF kept here, when there is one.'),
    licence: z.string(),
    url: z.string().url().describe('Its page here.'),
    updated: z.string().describe('When it last changed (ISO 8601).'),
  })
  .openapi('Resource');

export type ApiResource = z.infer<typeof apiResource>;

/** A resource with what it documents, as GET /api/v1/resources/{slug} gives it. */
export const apiResourceDetail = apiResource
  .extend({
    links: z.array(
      z.object({
        kind: z.enum(['practice', 'city', 'organization']),
        target: z.string().describe('Practice id, city ("de/berlin") or organisation slug.'),
        url: z.string().url(),
      }),
    ),
  })
  .openapi('ResourceDetail');

/** The page of a resource. */
export const resourcePageUrl = (publicUrl: string, slug: string) => `${publicUrl}/resources/${encodeURIComponent(slug)}`;

/**
 * A resource in the API's shape: its page's address, its PDF's when it has one, never who added it.
 * @example toApiResource(row, 'https://clearinghouse.example').url // 'https://clearinghouse.example/resources/migrants-and-cities'
 */
export function toApiResource(r: ListedResource, publicUrl: string): ApiResource {
  const url = resourcePageUrl(publicUrl, r.slug);
  return {
    slug: r.slug,
    type: r.type,
    title: r.title,
    publisher: r.publisher,
    authors: r.authors,
    year: r.year,
    languages: r.languages,
    themes: r.themes,
    regions: r.regions,
    abstract: r.abstract,
    link: r.url,
    archived_link: r.archive_url,
    pdf: r.has_file ? `${url}/file` : null,
    licence: r.licence,
    url,
    updated: new Date(r.updated_at).toISOString(),
  };
}

/** The page of what a link points to. */
export function linkTargetUrl(publicUrl: string, l: { kind: string; target: string }): string {
  if (l.kind === 'practice') return `${publicUrl}/practices/${encodeURIComponent(l.target)}`;
  if (l.kind === 'city') return `${publicUrl}/cities/${l.target.split('/').map(encodeURIComponent).join('/')}`;
  return `${publicUrl}/organizations/${encodeURIComponent(l.target)}`;
}
