import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Logger } from '../shared/logger.ts';
import type { PageSettings } from '../views/page-context.ts';
import type { Readiness } from './readiness.ts';

/** What the app is built from: one database handle, the config and a logger. */
export interface AppDeps {
  db: Database;
  config: Config;
  log: Logger;
  /** Secret that lets the local CLI reach admin endpoints of a running server (see data-dir-lock). */
  adminToken?: string;
  /** Where mails go; made from the config when not given (tests pass their own). */
  mailer?: Mailer;
  /** The start-up phase, advanced by main.ts; without it (tests) the app is ready at once. */
  readiness?: Readiness;
  /**
   * How a slowed-down sign-in waits before its password is checked; a timer unless given.
   * Tests pass one that notes the wait and returns at once.
   */
  pause?: (ms: number) => Promise<unknown>;
  /** Anonymous pages kept per site version (src/page-cache; main.ts makes it): the app mounts its middleware first. */
  pageCache?: { keep(): MiddlewareHandler };
}

/** The app's dependencies once built (createApp makes the mailer once): what every area is given. */
export interface ContributionDeps extends AppDeps {
  mailer: Mailer;
}

/** The signed-in person, as every request after the session middleware sees them. */
export interface SessionAccount {
  userId: number;
  email: string;
  name: string;
  role: Role;
  locale: string;
  /** Hashed id of the session row (the cookie holds the secret). */
  sessionId: string;
  /** Token the session's forms carry against cross-site requests. */
  csrfToken: string;
}

/** Hono environment: per-request variables set by middleware. */
export interface AppEnv {
  Variables: {
    i18n: Translator;
    /** The signed-in person (session middleware); read it behind a guard with signedInAccount(c). */
    account?: SessionAccount;
    /** Token of an anonymous visitor's forms (sign-in, sign-up), from the pre-session cookie. */
    anonCsrf?: string;
    /** The signed-in reader's unread notifications, for the header (follows' middleware, GET pages only). */
    unreadNotifications?: number;
    /** What the signed-in reader follows, as `kind:target` → frequency, for the pages' Follow forms (same middleware). */
    following?: ReadonlyMap<string, string>;
    /** What every page is rendered with (set first by the app, see render.tsx's pageSettings). */
    page?: PageSettings;
  };
}
