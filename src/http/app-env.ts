import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Logger } from './logger.ts';
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
}

/** Dependencies of the areas that write to people: the app's, with the mailer made. */
export interface ContributionDeps extends AppDeps {
  mailer: Mailer;
}

/** Hono environment: per-request variables set by middleware. */
export interface AppEnv {
  Variables: {
    i18n: Translator;
  };
}
