import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { apiRouter } from '../http/openapi.ts';
import { coordinatorRoutes } from './coordinator.routes.tsx';
import { exportRoutes } from './export.routes.ts';
import { reviewerRoutes } from './reviewer.routes.tsx';

/** Every route of the review of calls: the coordinator's, the exports, the reviewer's and the applicant's feedback. */
export function callReviewRoutes(deps: Pick<AppDeps, 'db' | 'config'>): Hono<AppEnv> {
  // An OpenAPI router, so that the reviewer's API reaches the document (see http/openapi.ts).
  const app = apiRouter();
  app.route('/', exportRoutes(deps));
  app.route('/', coordinatorRoutes(deps));
  app.route('/', reviewerRoutes(deps));
  return app;
}
