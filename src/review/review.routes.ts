import { Hono } from 'hono';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { reviewQueueRoutes } from './review-queue.routes.tsx';
import { submissionPageRoutes } from './submission-page.routes.tsx';

/**
 * The editors' review: the queue at /review, and the submission pages at /submissions/{id}
 * with their conversation and decisions.
 * @example app.route('/', reviewRoutes(deps));
 */
export function reviewRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', reviewQueueRoutes(deps));
  app.route('/', submissionPageRoutes(deps));
  return app;
}
