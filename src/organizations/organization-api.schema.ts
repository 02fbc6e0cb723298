import { createRoute, cursorParam, jsonContent, noQuery, pageOf, problemResponses, z } from '../http/openapi.ts';
import { organizationQuery } from './organization.query.ts';

/** An organisation as the API gives it (organization-api.present.ts's ApiOrganization). */
const apiOrganization = z
  .object({
    slug: z.string(),
    name: z.string(),
    acronym: z.string().nullable(),
    type: z.string().nullable().describe('An actor type of the vocabulary.'),
    city: z.string().nullable(),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2.'),
    region: z.string().nullable().describe('UN M49 region code.'),
    website: z.string().nullable(),
    languages: z.array(z.string()),
    themes: z.array(z.string()),
    founded: z.number().int().nullable(),
    verified: z.boolean(),
    practices: z.number().int().describe('How many practices name it as lead organisation or partner.'),
    url: z.string().url(),
  })
  .openapi('Organization');

const organizationDetail = z
  .object({
    ...apiOrganization.shape,
    description: z.string().nullable(),
    members: z.number().int().describe('Everyone in the organisation; only people with a public profile are listed.'),
    people: z.array(z.object({ slug: z.string(), name: z.string(), url: z.string().url() })),
    practice_list: z.array(z.object({ id: z.string(), role: z.string(), url: z.string().url(), api: z.string().url() })),
  })
  .openapi('OrganizationDetail');

/** GET /api/v1/organizations: the directory's filters and a page. */
export const listOrganizationsRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations',
  tags: ['Organisations'],
  summary: 'The directory of organisations',
  request: { query: organizationQuery.extend({ cursor: cursorParam }) },
  responses: { 200: jsonContent(pageOf(apiOrganization, 'OrganizationList'), 'One page of organisations'), ...problemResponses(400) },
});

/** GET /api/v1/organizations/{slug}: one organisation with its public members and practices. */
export const getOrganizationRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}',
  tags: ['Organisations'],
  summary: 'One organisation',
  request: { params: z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'international-metropolis' }) }), query: noQuery },
  responses: { 200: jsonContent(organizationDetail, 'The organisation'), ...problemResponses(400, 404) },
});
