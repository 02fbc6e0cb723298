import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';

/** Placeholder until this area is built. */
export function downloadRoutes(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
