import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable the platform reads, parsed and documented in one place.
 * The server refuses to start on bad config and names the variable that is wrong.
 */
const configSchema = z
  .object({
    /** TCP port the web server listens on. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Address to bind; 0.0.0.0 for containers. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Folder of the embedded database (PGlite), used when DATABASE_URL is not set. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** postgres://… — when set, PostgreSQL is used instead of the embedded database. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    /** Public base URL, used in canonical links, feeds and citations. */
    PUBLIC_URL: z.string().url().optional(),
    /** Load the demo practices into an empty database at start-up. */
    SEED_DEMO: z
      .enum(['true', 'false', '1', '0'])
      .default('true')
      .transform((v) => v === 'true' || v === '1'),
    /** Log level of the structured request log. */
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** Search answers kept in memory per app instance (0 disables; invalidated by any catalogue write). */
    SEARCH_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(500),
    /** Megabytes of rendered anonymous pages kept per app instance, served without the database until a write changes what they show (0 disables). */
    PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    /** Size of the PostgreSQL connection pool per app instance. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** How long a request waits for a PostgreSQL connection (a new one, or a free one of the pool) before it answers 503. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    /** Longest SQL statement of a request on PostgreSQL; the server cancels it, and a connection that stops answering is given up as long after. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /** An idle PostgreSQL connection of the pool is closed after this long. */
    DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
    /** Time a client has to send a request's headers; then it gets 408 and the connection is closed. */
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
    /** Time a client has to send a whole request, body included (a 50 MB import needs about 7 Mbit/s at the default). */
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    /** How long an idle keep-alive connection stays open; keep it above the idle timeout of a load balancer in front. */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    /** smtp://user:pass@host:587 or smtps://…:465 — mail goes out through this server; unset, mails land in OUTBOX_DIR. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    /** Sender of every mail, e.g. "Clearinghouse <no-reply@example.org>". */
    MAIL_FROM: z.string().min(3).default('Clearinghouse <no-reply@localhost>'),
    /** Folder that receives mails as .eml files when SMTP_URL is not set (default DATA_DIR/outbox). */
    OUTBOX_DIR: z.string().min(1).optional(),
    /** Trust the first X-Forwarded-For address as the client's (only behind a proxy that sets it), for per-address rate limits. */
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    /** How long a sign-in lasts, in days. */
    SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Longest wait for one answer of a harvested source (a page of OAI-PMH records, an exchange file), in ms. */
    HARVEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    /** Largest answer read from a harvested source, in megabytes; a bigger one fails the run with a clear report. */
    HARVEST_MAX_MB: z.coerce.number().int().min(1).max(1024).default(50),
    /** Longest wait for one link the link checker follows (each request of a redirect chain), in ms. */
    LINK_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Links the link checker checks at once (never two at once on one host). */
    LINK_CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    /** Records (or headers) per page of the OAI-PMH lists; each further page is one more request with a resumption token. */
    OAI_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((c) => c.HTTP_HEADERS_TIMEOUT_MS <= c.HTTP_REQUEST_TIMEOUT_MS, {
    message: 'must not be longer than HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)',
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
  });

export type Config = z.infer<typeof configSchema> & { dataDir: string; publicUrl: string; outboxDir: string };

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {}

/**
 * Parses the environment into a typed config.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    outboxDir: path.resolve(c.OUTBOX_DIR ?? path.join(c.DATA_DIR, 'outbox')),
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
  };
}
