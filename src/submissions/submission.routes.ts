import { Hono } from 'hono';
import type { AppEnv, ContributionDeps } from '../http/app-env.ts';
import { mySubmissionsRoutes } from './my-submissions.routes.tsx';
import { submitRoutes } from './submit.routes.tsx';
import { translateRoutes } from './translate.routes.tsx';

/**
 * What members contribute: the step-by-step submission form (new practices and adaptations),
 * translations, and "My submissions". The page of one submission and its thread is review's.
 * @example app.route('/', submissionRoutes(deps));
 */
export function submissionRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', submitRoutes(deps));
  app.route('/', translateRoutes(deps));
  app.route('/', mySubmissionsRoutes(deps));
  return app;
}
