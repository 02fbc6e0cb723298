import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import type { JobDeps } from '../../src/jobs/job-worker.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { startMailCatcher } from './mail-catcher.ts';
import { createDemoDatabase, createTestDatabase, type Engine } from './test-db.ts';

/** An app whose mail goes to a real SMTP server in the test process, and what the queue's worker needs. */
export interface MailApp {
  db: Database;
  app: ReturnType<typeof createApp>;
  smtp: Awaited<ReturnType<typeof startMailCatcher>>;
  /** For runQueuedJobs: the queued mails are sent to `smtp` when the test runs the jobs. */
  deps: JobDeps;
  close: () => Promise<void>;
}

/**
 * A fresh database (with the demo data when asked), an SMTP server catching every mail, and the
 * app configured to send there.
 * @example beforeAll(async () => ({ db, app, smtp, deps, close } = await startMailApp(engine)));
 */
export async function startMailApp(engine: Engine, options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<MailApp> {
  const { db, drop } = options.demo ? await createDemoDatabase(engine) : await createTestDatabase(engine);
  const smtp = await startMailCatcher();
  const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', TRUST_PROXY: 'true', SMTP_URL: smtp.url, ...options.env });
  const deps: JobDeps = { db, config, log: createLogger('silent') };
  return {
    db,
    app: createApp(deps),
    smtp,
    deps,
    close: async () => {
      await smtp.close();
      await drop();
    },
  };
}
