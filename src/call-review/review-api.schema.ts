import { createRoute, jsonContent, noQuery, problemResponses, z } from '../http/openapi.ts';
import { signedIn } from '../security/guards.ts';

/** Scores of one review: per criterion a score and a comment (loosely typed: the rubric is the call's). */
const scores = z.record(z.string(), z.unknown());

const reviewBody = z
  .object({
    call: z.object({ slug: z.string(), title: z.string(), rubric: z.unknown() }),
    application: z.object({
      id: z.number().int(),
      name: z.string(),
      city: z.string().nullable(),
      country: z.string().nullable(),
      answers: z.array(z.object({ key: z.string(), label: z.string(), text: z.string() }).loose()),
    }),
    files: z.array(z.object({ question: z.string(), name: z.string(), size: z.number().int(), url: z.string() })),
    conflictDeclared: z.boolean().nullable(),
    review: z
      .object({ scores, state: z.enum(['draft', 'submitted']) })
      .loose()
      .nullable(),
    otherReviews: z.array(scores).describe("Other reviewers' submitted scores, anonymised, once the reader submitted their own."),
  })
  .openapi('Review');

/** GET /api/v1/reviews/{id}: a reviewer's view of an application, as JSON, for their own tools. */
export const getReviewRoute = createRoute({
  method: 'get',
  path: '/api/v1/reviews/{id}',
  tags: ['Calls'],
  summary: 'An application I review',
  description:
    'For a signed-in reviewer assigned to the application (session cookie). Anonymous callers are redirected (303) to the sign-in page; a reviewer who declared a conflict, or anyone else, gets 403.',
  security: [{ session: [] }],
  middleware: [signedIn()] as const,
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '12' }) }), query: noQuery },
  responses: {
    200: jsonContent(reviewBody, 'The application, its files, and the reviews the reader may see'),
    303: { description: 'Not signed in: to the sign-in page.' },
    ...problemResponses(400, 403, 404),
  },
});
