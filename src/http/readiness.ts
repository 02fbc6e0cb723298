import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { respondWithError } from './error-handler.tsx';
import { AppError } from './errors.ts';

/**
 * Where a starting server is: `starting` (migrations, demo data), `serving` (requests are
 * answered, the search index is still being built), `ready` (warm: /readyz answers 200).
 */
export type StartupPhase = 'starting' | 'serving' | 'ready';

/**
 * The start-up phase of this server, shared by main.ts (which advances it) and the app (which
 * answers /readyz from it and holds requests that arrive before it can serve them).
 * @example const readiness = new Readiness(); …; readiness.advance('serving');
 */
export class Readiness {
  #phase: StartupPhase;
  #waiters: (() => void)[] = [];

  constructor(phase: StartupPhase = 'starting') {
    this.#phase = phase;
  }

  get phase(): StartupPhase {
    return this.#phase;
  }

  /** Moves on to a later phase (never back) and releases the requests waiting for it. */
  advance(phase: Exclude<StartupPhase, 'starting'>): void {
    if (this.#phase === 'ready') return;
    this.#phase = phase;
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Resolves true once requests can be served, or false after `ms`. */
  untilServing(ms: number): Promise<boolean> {
    if (this.#phase !== 'starting') return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== wake);
        resolve(false);
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.#waiters.push(wake);
    });
  }
}

/**
 * A request that arrives while the database is being migrated or seeded waits for that (a
 * first visitor just sees the page a little later); after `waitMs` it gets a 503 with
 * Retry-After instead of waiting on (a long migration).
 * @example app.use(startupGate(readiness, 15_000));
 */
export function startupGate(readiness: Readiness | undefined, waitMs: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (readiness && !(await readiness.untilServing(waitMs))) return respondWithError(c, new AppError('unavailable', 'the server is starting'));
    await next();
  };
}
