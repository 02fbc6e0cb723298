import { Hono } from 'hono';
import { z } from 'zod';
import { importFigures } from '../cities/figures-import.ts';
import { dumpDatabase } from '../db/backup.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { queueDigestNow } from '../follows/follow-jobs.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { badRequest } from '../http/errors.ts';
import { exportFileName, exportFormats, exportMediaTypes, exportPractices } from '../practices/export/export.service.ts';
import { importPractices } from '../practices/import/import-practices.command.ts';
import { setRepresentative } from '../self-assessment/grant-representative.command.ts';
import { storableString } from '../shared/storable-text.ts';
import { type AdminImportEvent, importEventsMediaType } from './admin.protocol.ts';
import { requireAdminToken } from './admin-auth.ts';
import { readOpenDataQuery } from './open-data.query.ts';
import { practicePageUrl } from './open-data.urls.ts';
import { textStream } from './stream-body.ts';

const importQuery = z.object({
  partial: z.enum(['0', '1']).optional(),
  source: z.string().min(1).max(300).default('upload'),
  author: z.string().min(1).max(100).default('cli'),
});

const exportQuery = z.object({ format: z.enum(exportFormats).default('json') });

/** Body of POST /internal/representatives; `grant` may come as "true" / "false" too. */
const representativeBody = z.object({
  email: storableString().max(254),
  city: storableString().max(120),
  grant: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  operator: storableString().min(1).max(100).default('cli'),
});

/** Parses a query with zod, turning problems into a 400 problem document. */
function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw badRequest(fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
}

/** Shortest pause between progress lines: enough for a smooth bar, little traffic. */
const progressIntervalMs = 100;

/**
 * An import as the stream the CLI reads: one JSON event a line, progress at most every
 * `progressIntervalMs`, then the summary or an error. Cancelling the stream aborts the import.
 */
function importEvents(
  db: AppDeps['db'],
  log: AppDeps['log'],
  { text, partial, source, author }: z.infer<typeof importQuery> & { text: string },
): ReadableStream<Uint8Array> {
  const abort = new AbortController();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (event: AdminImportEvent) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The client has gone; the import itself is aborted through the signal.
        }
      };
      let last = 0;
      importPractices(db, text, {
        partial: partial === '1',
        author,
        source,
        signal: abort.signal,
        // The command line sends its imports here while the server holds the data folder.
        via: 'cli',
        onProgress: (done, total) => {
          const now = Date.now();
          if (done < total && now - last < progressIntervalMs) return;
          last = now;
          emit({ type: 'progress', done, total });
        },
      })
        .then((summary) => {
          log.info('import', {
            source,
            author,
            partial: partial === '1',
            created: summary.created,
            updated: summary.updated,
            unchanged: summary.unchanged,
            failed: summary.failed,
          });
          emit({ type: 'summary', summary });
        })
        .catch((e: Error) => {
          log.error('import failed', { source, error: e.message, stack: e.stack });
          emit({
            type: 'error',
            message: abort.signal.aborted
              ? 'the import was cancelled; nothing was written'
              : 'the import failed on the server; nothing was written (see the server log)',
          });
        })
        .finally(() => {
          try {
            controller.close();
          } catch {
            // Already cancelled by the client.
          }
        });
    },
    // The CLI was interrupted: roll the import back rather than finish it unseen.
    cancel() {
      abort.abort();
    },
  });
}

/**
 * Endpoints through which the local CLI works while this server holds the embedded data
 * folder (PGlite allows one writer): import, export, figures, city representatives and demo
 * seeding. Only with the admin token from server.json; on PostgreSQL there is none and all are refused.
 * @example await fetch(`${url}/internal/import?partial=1`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
 */
export function adminRoutes({ db, config, log, adminToken }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/internal/*', requireAdminToken(adminToken));

  app.post('/internal/import', async (c) => {
    const query = parseQuery(importQuery, c.req.query());
    const body = importEvents(db, log, { ...query, text: await c.req.text() });
    return c.body(body, 200, { 'content-type': importEventsMediaType, 'cache-control': 'no-store' });
  });

  app.get('/internal/export', async (c) => {
    const { format } = parseQuery(exportQuery, { format: c.req.query('format') ?? 'json' });
    const { params, lang } = readOpenDataQuery(c, { strict: true });
    const { total, chunks } = await exportPractices(db, params, { format, locale: lang, urlOf: (id) => practicePageUrl(config.publicUrl, id) });
    return c.body(textStream(chunks), 200, {
      'content-type': exportMediaTypes[format],
      'content-disposition': `attachment; filename="${exportFileName(format)}"`,
      'cache-control': 'no-store',
      'x-total-count': String(total),
    });
  });

  // City and country figures from a CSV file (clearinghouse figures FILE); the answer is the import's summary.
  app.post('/internal/figures', async (c) => {
    const query = parseQuery(importQuery, c.req.query());
    const summary = await importFigures(db, await c.req.text(), {
      partial: query.partial === '1',
      source: query.source,
      author: { name: query.author, userId: null },
    });
    log.info('figures import', { source: query.source, author: query.author, created: summary.created, updated: summary.updated, failed: summary.failed });
    return c.json(summary);
  });

  // Make an account a representative of a city, or end it (clearinghouse city grant|revoke).
  app.post('/internal/representatives', async (c) => {
    const body = representativeBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) throw badRequest('expected { email, city, grant: true|false, operator? }');
    const { email, city, grant, operator } = body.data;
    const outcome = await setRepresentative(db, email, city, grant, { operator });
    log.info('city representative', { city, outcome, operator });
    return c.json({ outcome });
  });

  // An operator's "send the digest now" (clearinghouse digest daily|weekly): queued for the workers.
  app.post('/internal/digests', async (c) => {
    const { frequency } = parseQuery(z.object({ frequency: z.enum(['daily', 'weekly']) }), c.req.query());
    await queueDigestNow(db, frequency);
    log.info('digest queued by the command line', { frequency });
    return c.json({ queued: frequency });
  });

  app.post('/internal/seed-demo', async (c) => {
    const summary = await seedDemo(db);
    log.info('demo data loaded', { created: summary.created, updated: summary.updated, unchanged: summary.unchanged });
    return c.json(summary);
  });

  // A consistent copy of the embedded database while the server keeps it open (clearinghouse backup).
  app.get('/internal/backup', async (c) => {
    const started = performance.now();
    const dump = await dumpDatabase(db);
    if (!dump) throw badRequest('This server runs on PostgreSQL: back it up with pg_dump.');
    log.info('backup', { copiedMs: Math.round(performance.now() - started) });
    return c.body(dump, 200, { 'content-type': 'application/gzip', 'cache-control': 'no-store' });
  });
  return app;
}
