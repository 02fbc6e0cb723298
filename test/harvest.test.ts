import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { findOrCreateSource } from '../src/harvest/harvest.repo.ts';
import { harvestSourceNow } from '../src/harvest/harvest-jobs.ts';
import { runHarvest } from '../src/harvest/run-harvest.command.ts';
import { type Listening, listen } from '../src/http/listeners.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { createLogger } from '../src/shared/logger.ts';
import { practiceFields, practiceRecord } from './support/practice-record.ts';
import { freePort } from './support/server-process.ts';
import { createTestDatabase, testEngines } from './support/test-db.ts';

const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', HARVEST_TIMEOUT_MS: '2000' });
const limits = { timeoutMs: 2000, maxBytes: 1024 * 1024 };
const author = { author: 'source editor', message: 'edit' };

/** A small OAI-PMH server offering Dublin Core only, in two pages, and a broken exchange file. */
function fakeSources(): Promise<{ url: string; close: () => Promise<void> }> {
  const dc = (id: string, fields: string) =>
    `<record><header><identifier>oai:other.example:${id}</identifier><datestamp>2026-01-01</datestamp></header><metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">${fields}</oai_dc:dc></metadata></record>`;
  const wrap = (body: string) => `<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">${body}</OAI-PMH>`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const verb = url.searchParams.get('verb');
    res.setHeader('content-type', 'text/xml');
    if (url.pathname === '/broken.json') {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          format: 'clearinghouse.practices',
          version: 1,
          practices: [practiceFields({ id: 'good-one', city: 'Ghent', country: 'BE' }), practiceFields({ id: 'bad-one', themes: ['housng'] })],
        }),
      );
    } else if (url.pathname === '/down') {
      res.statusCode = 503;
      res.end('down');
    } else if (url.pathname === '/oai-error') {
      res.end(wrap('<error code="badArgument">no such thing</error>'));
    } else if (verb === 'ListMetadataFormats') {
      res.end(wrap('<ListMetadataFormats><metadataFormat><metadataPrefix>oai_dc</metadataPrefix></metadataFormat></ListMetadataFormats>'));
    } else if (url.searchParams.get('from')) {
      // The incremental run (from the last run's day): the source deleted record 11 since.
      res.end(
        wrap(
          '<ListRecords><record><header status="deleted"><identifier>oai:other.example:11</identifier><datestamp>2026-01-03</datestamp></header></record></ListRecords>',
        ),
      );
    } else if (url.searchParams.get('resumptionToken') === 'page2') {
      res.end(
        wrap(
          `<ListRecords>${dc('12', '<dc:title>Only a title</dc:title>')}<record><header status="deleted"><identifier>oai:other.example:gone</identifier><datestamp>2026-01-02</datestamp></header></record><resumptionToken></resumptionToken></ListRecords>`,
        ),
      );
    } else {
      res.end(
        wrap(
          `<ListRecords>${dc(
            '11',
            '<dc:title>Night school for parents</dc:title><dc:description>Evening classes in the local language.</dc:description><dc:subject>Education</dc:subject><dc:subject>Adults</dc:subject><dc:coverage>PT</dc:coverage><dc:coverage>Lisbon</dc:coverage><dc:language>pt</dc:language><dc:identifier>https://other.example/p/11</dc:identifier>',
          )}<resumptionToken completeListSize="3">page2</resumptionToken></ListRecords>`,
        ),
      );
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

for (const engine of testEngines()) {
  describe(`harvesting another Clearinghouse (${engine})`, () => {
    let db: Database;
    let sourceDb: Database;
    const drops: (() => Promise<void>)[] = [];
    let source: Listening;
    let fake: Awaited<ReturnType<typeof fakeSources>>;
    let exportUrl: string;

    beforeAll(async () => {
      const target = await createTestDatabase(engine);
      const other = await createTestDatabase(engine);
      db = target.db;
      sourceDb = other.db;
      drops.push(target.drop, other.drop);
      for (const id of ['lyon-housing-desk', 'turin-job-mentors', 'ghent-language-cafe']) {
        await upsertPractice(sourceDb, practiceRecord({ id, title: `Practice ${id}` }), author);
      }
      // A practice both sides hold: it came from this platform, and must come back as itself.
      const shared = practiceRecord({ id: 'shared-practice', title: 'Shared practice' });
      await upsertPractice(db, shared, author);
      await upsertPractice(sourceDb, { ...shared, summary: 'The other platform edited it.' }, author);
      // Pages of two records: an OAI-PMH harvest follows resumption tokens.
      const sourceConfig = loadConfig({ PUBLIC_URL: 'http://other.example', LOG_LEVEL: 'silent', PAGE_CACHE_MB: '0', OAI_PAGE_SIZE: '2' });
      const sourceApp = createApp({ db: sourceDb, config: sourceConfig, log: createLogger('silent') });
      source = await listen(sourceApp.fetch, { listener: 'public', port: 0, hostname: '127.0.0.1', timeouts: sourceConfig });
      exportUrl = `http://127.0.0.1:${source.port}/practices/export.json`;
      fake = await fakeSources();
    });
    afterAll(async () => {
      await source?.close();
      await fake?.close();
      for (const drop of drops) await drop();
    });

    const revisionsOf = async (id: string) =>
      Number((await db.selectFrom('practice_revisions').select(db.fn.countAll().as('n')).where('practice_id', '=', id).executeTakeFirstOrThrow()).n);

    it('harvests the exchange export over HTTP, incrementally, as revisions, without duplicates', async () => {
      const key = { url: exportUrl, format: 'exchange-json' as const, set: '' };
      const dry = await runHarvest(db, key, { dryRun: true, limits, publicUrl: config.publicUrl });
      expect(dry).toMatchObject({ fetched: 4, created: 3, unchanged: 1, errors: [] });
      expect(await db.selectFrom('practices').select('id').execute()).toHaveLength(1);

      const s = await findOrCreateSource(db, key);
      const first = await harvestSourceNow(db, config, s.id, 'cli');
      expect(first).toMatchObject({ ok: true, fetched: 4, created: 3, updated: 0, unchanged: 1, errors: [] });
      expect(first?.notes.join()).toContain('shared-practice');
      // The practice that originates here is neither duplicated nor overwritten.
      const shared = await db.selectFrom('practices').select(['summary']).where('id', '=', 'shared-practice').executeTakeFirstOrThrow();
      expect(shared.summary).not.toContain('other platform');

      await upsertPractice(sourceDb, practiceRecord({ id: 'turin-job-mentors', title: 'Job mentors, second edition' }), author);
      const second = await harvestSourceNow(db, config, s.id, 'cli');
      expect(second).toMatchObject({ fetched: 4, created: 0, updated: 1, unchanged: 3 });
      expect(await revisionsOf('turin-job-mentors')).toBe(2);
      expect(await revisionsOf('lyon-housing-desk')).toBe(1);

      const third = await harvestSourceNow(db, config, s.id, 'cli');
      expect(third).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
      expect(await db.selectFrom('practices').select('id').execute()).toHaveLength(4);
      const runs = await db.selectFrom('harvest_runs').select('ok').where('source_id', '=', s.id).execute();
      expect(runs).toHaveLength(3);
    });

    it('reports an invalid record with its location and reason, and writes the others', async () => {
      const s = await findOrCreateSource(db, { url: `${fake.url}/broken.json`, format: 'exchange-json', set: '' });
      const report = await harvestSourceNow(db, config, s.id);
      expect(report).toMatchObject({ ok: true, fetched: 2, created: 1 });
      expect(report?.errors).toEqual([{ location: 'practices[1]', message: 'themes[0]: unknown theme "housng"' }]);
    });

    it('maps Dublin Core from an OAI-PMH server page by page, reports what lacks, keeps deletions', async () => {
      const s = await findOrCreateSource(db, { url: `${fake.url}/oai`, format: 'oai', set: '' });
      const report = await harvestSourceNow(db, config, s.id);
      expect(report).toMatchObject({ ok: true, fetched: 3, created: 1, deleted: 0 });
      const made = await db.selectFrom('practices').select(['id', 'title', 'themes', 'country', 'city']).where('id', '=', '11').executeTakeFirst();
      expect(made).toBeUndefined(); // "11" is too short for an id: the record gets a longer one
      const night = await db
        .selectFrom('practices')
        .select(['themes', 'country', 'city', 'language'])
        .where('title', '=', 'Night school for parents')
        .executeTakeFirstOrThrow();
      expect(night).toEqual({ themes: ['education'], country: 'PT', city: 'Lisbon', language: 'pt' });
      expect(report?.errors.map((e) => e.location)).toEqual(['oai:other.example:12', 'oai:other.example:12', 'oai:other.example:12', 'oai:other.example:12']);
      expect(report?.errors.map((e) => e.message)).toContain('summary: is required');
      const again = await harvestSourceNow(db, config, s.id);
      expect(again).toMatchObject({ ok: true, fetched: 1, deleted: 1, from: expect.any(String) });
      expect(again?.notes.join()).toContain('no withdrawn state');
      expect(await db.selectFrom('practices').select('id').where('title', '=', 'Night school for parents').execute()).toHaveLength(1);
    });

    it('turns an unreachable source, a non-2xx answer and an OAI-PMH error into a clear report, writing nothing', async () => {
      const before = await db.selectFrom('practices').select('id').execute();
      const down = await runHarvest(db, { url: `${fake.url}/down`, format: 'exchange-json', set: '' }, { limits, publicUrl: config.publicUrl });
      expect(down).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('answered 503') }] });
      const error = await runHarvest(db, { url: `${fake.url}/oai-error`, format: 'oai', set: '' }, { limits, publicUrl: config.publicUrl });
      expect(error.errors[0].message).toContain('badArgument: no such thing');
      const closed = await freePort();
      const refused = await runHarvest(
        db,
        { url: `http://127.0.0.1:${closed}/nothing`, format: 'exchange-json', set: '' },
        { limits, publicUrl: config.publicUrl },
      );
      expect(refused.errors[0].message).toMatch(/could not reach .*ECONNREFUSED/);
      expect(await db.selectFrom('practices').select('id').execute()).toEqual(before);
    });

    it('harvests another Clearinghouse over OAI-PMH in the exchange format, incrementally, as revisions, without duplicates', async () => {
      await upsertPractice(sourceDb, practiceRecord({ id: 'porto-welcome-desk', title: 'Welcome desk', city: 'Porto', country: 'PT' }), author);
      const s = await findOrCreateSource(db, { url: `http://127.0.0.1:${source.port}/oai`, format: 'oai', set: '' });
      // The same platform whose export was harvested above: its records are the practices that brought, not copies.
      const first = await harvestSourceNow(db, config, s.id, 'cli');
      expect(first).toMatchObject({ ok: true, fetched: 5, created: 1, updated: 0, unchanged: 4, errors: [] });
      expect(first?.from).toBeUndefined();
      const porto = await db.selectFrom('practices').select(['title', 'city']).where('id', '=', 'porto-welcome-desk').executeTakeFirstOrThrow();
      expect(porto).toEqual({ title: 'Welcome desk', city: 'Porto' });

      await upsertPractice(sourceDb, practiceRecord({ id: 'porto-welcome-desk', title: 'Welcome desk & "help"', city: 'Porto', country: 'PT' }), author);
      // A record last changed before the previous run is not asked for again (`from`).
      await sourceDb
        .updateTable('practices')
        .set({ updated_at: new Date(Date.now() - 3 * 86_400_000) })
        .where('id', '=', 'lyon-housing-desk')
        .execute();
      const second = await harvestSourceNow(db, config, s.id, 'cli');
      expect(second).toMatchObject({ ok: true, fetched: 4, created: 0, updated: 1, unchanged: 3, errors: [], from: first?.startedAt });
      expect(await db.selectFrom('practices').select('title').where('id', '=', 'porto-welcome-desk').executeTakeFirstOrThrow()).toEqual({
        title: 'Welcome desk & "help"',
      });
      expect(await revisionsOf('porto-welcome-desk')).toBe(2);
      expect(await revisionsOf('ghent-language-cafe')).toBe(1);

      const third = await harvestSourceNow(db, config, s.id, 'cli');
      expect(third).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
      expect(await db.selectFrom('practices').select('id').where('id', 'like', '%porto%').execute()).toHaveLength(1);
      expect(await db.selectFrom('practices').select('id').where('id', 'like', '%lyon-housing-desk%').execute()).toHaveLength(1);
    });
  });
}
