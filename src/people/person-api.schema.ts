import { createRoute, cursorParam, jsonContent, noQuery, pageOf, problemResponses, z } from '../http/openapi.ts';
import { peopleQuery } from './people.query.ts';

/** A person as the API gives them (person-api.present.ts's ApiPerson): never an email address. */
const apiPerson = z
  .object({
    slug: z.string(),
    name: z.string(),
    job_title: z.string().nullable(),
    organization: z.string().nullable().describe('The organisation named in the profile, as typed.'),
    city: z.string().nullable(),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2.'),
    languages: z.array(z.string()),
    expertise: z.array(z.string()).describe('Theme codes.'),
    bio: z.string().nullable(),
    url: z.string().url(),
  })
  .openapi('Person');

const personDetail = z
  .object({
    ...apiPerson.shape,
    organizations: z.array(z.object({ slug: z.string(), name: z.string(), role: z.string(), url: z.string().url() })),
  })
  .openapi('PersonDetail');

/** GET /api/v1/people: public profiles, filtered and paged. */
export const listPeopleRoute = createRoute({
  method: 'get',
  path: '/api/v1/people',
  tags: ['People'],
  summary: 'People with a public profile',
  request: { query: peopleQuery.extend({ cursor: cursorParam }) },
  responses: { 200: jsonContent(pageOf(apiPerson, 'PersonList'), 'One page of people'), ...problemResponses(400) },
});

/** GET /api/v1/people/{slug}: one public profile with its organisations. */
export const getPersonRoute = createRoute({
  method: 'get',
  path: '/api/v1/people/{slug}',
  tags: ['People'],
  summary: 'One person',
  request: { params: z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' } }) }), query: noQuery },
  responses: { 200: jsonContent(personDetail, 'The public profile'), ...problemResponses(400, 404) },
});
