import { createRoute, jsonContent, noQuery, problemResponses, z } from '../http/openapi.ts';
import { cityParams } from './city-api.schema.ts';

/** A published self-assessment snapshot (self-assessment/assessment-record.ts) with its addresses. */
const assessmentRecord = z
  .object({
    id: z.string(),
    city: z.object({ country: z.string(), slug: z.string() }),
    framework_version: z.number().int(),
    published: z.string().datetime({ offset: true }),
    example: z.boolean(),
    answers: z.array(z.looseObject({ question: z.string() })),
    dimensions: z.record(z.string(), z.looseObject({ score: z.number().nullable() })),
    overall: z.object({ score: z.number().nullable(), coverage: z.number(), provisional: z.boolean() }),
    url: z.string().url(),
    api_url: z.string().url(),
  })
  .openapi('CityAssessment');

/** GET /api/v1/cities/{country}/{slug}/assessments: a city's public snapshots. */
export const cityAssessmentsRoute = createRoute({
  method: 'get',
  path: '/api/v1/cities/{country}/{slug}/assessments',
  tags: ['Cities'],
  summary: "A city's published self-assessments",
  request: { params: cityParams, query: noQuery },
  responses: {
    200: jsonContent(z.object({ total: z.number().int(), items: z.array(assessmentRecord) }).openapi('CityAssessmentList'), 'Every public snapshot'),
    ...problemResponses(400, 404),
  },
});

/** GET /api/v1/assessments/{id}: one published snapshot with every answer and its scores unrounded. */
export const assessmentRoute = createRoute({
  method: 'get',
  path: '/api/v1/assessments/{id}',
  tags: ['Cities'],
  summary: 'One published self-assessment',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '1' }) }), query: noQuery },
  responses: { 200: jsonContent(assessmentRecord, 'The snapshot'), ...problemResponses(400, 404) },
});
