import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkSources } from '../src/cli/link-sources.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { runLinkCheck } from '../src/link-check/link-check-jobs.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { insertResource } from '../src/resources/resource.repo.ts';
import { signedInClient } from './support/account-client.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

/** A local site answering 200, 301 (to the 200), 404, and never for /hang. */
function linkSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/ok') res.end('fine');
    else if (req.url === '/moved') {
      res.writeHead(301, { location: '/ok' });
      res.end();
    } else if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (req.url === '/hang') {
      // never answers: the checker's timeout ends it
    } else {
      res.writeHead(404);
      res.end('no');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => {
          server.closeAllConnections();
          return new Promise((r) => server.close(() => r()));
        },
      }),
    ),
  );
}

for (const engine of testEngines()) {
  describe(`link checker (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let site: Awaited<ReturnType<typeof linkSite>>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      site = await linkSite();
      app = createTestApp(db, { TRUST_PROXY: 'true' });
      const sources = ['ok', 'moved', 'missing', 'hang', 'loop'].map((p) => ({ url: `${site.url}/${p}` }));
      await upsertPractice(db, practiceRecord({ id: 'linked-practice', title: 'Linked practice', sources }), { author: 't', message: 'm' });
      const resource = { slug: 'linked-report', type: 'report' as const, title: 'Linked report', publisher: 'P', authors: [], year: 2020, languages: ['en'] };
      await insertResource(
        db,
        { ...resource, themes: [], regions: [], abstract: '', licence: '', url: `${site.url}/ok`, archive_url: `${site.url}/missing` },
        [],
      );
    });
    afterAll(async () => {
      await site.close();
      await drop();
    });

    it('records each link as ok, redirected or broken, and shows the broken ones to editors', async () => {
      const config = loadConfig({ LINK_CHECK_TIMEOUT_MS: '300', LINK_CHECK_CONCURRENCY: '4' });
      // The kinds the weekly job and `clearinghouse check-links` check.
      const summary = await runLinkCheck(db, config, linkSources());
      expect(summary).toEqual({ checked: 5, ok: 1, redirected: 1, broken: 3 });
      const rows = await db.selectFrom('link_checks').select(['url', 'status', 'http_status', 'final_url', 'reason']).orderBy('url').execute();
      const byPath = Object.fromEntries(rows.map((r) => [r.url.slice(site.url.length), r]));
      expect(byPath['/ok']).toMatchObject({ status: 'ok', http_status: 200 });
      expect(byPath['/moved']).toMatchObject({ status: 'redirected', final_url: `${site.url}/ok` });
      expect(byPath['/missing']).toMatchObject({ status: 'broken', http_status: 404 });
      expect(byPath['/hang']).toMatchObject({ status: 'broken', reason: 'timed out' });
      expect(byPath['/loop']).toMatchObject({ status: 'broken', reason: 'more than 5 redirects' });

      const { b } = await signedInClient(app, db, 'editor', 'Edna');
      const list = await b.page('/review/links');
      expect(list.res.status).toBe(200);
      expect(list.html).toContain(`${site.url}/missing`);
      expect(list.html).not.toContain(`${site.url}/moved`);
      expect(list.html).toContain('/practices/linked-practice/edit');
      // A resource's archived copy is checked too, and its edit page named.
      expect(list.html).toContain('/resources/linked-report/edit');
      const edit = await b.page('/practices/linked-practice/edit');
      expect(edit.html).toContain('3 links of this practice are broken');

      const { b: member } = await signedInClient(app, db, 'member', 'Mo');
      expect((await member.request('/review/links')).status).toBe(403);
    });

    it('lets admins add, edit and run a harvest source, refusing a bad address with nothing written, each change in the audit log', async () => {
      const { b } = await signedInClient(app, db, 'admin', 'Ada');
      const bad = await b.submit('/admin/harvest', '/admin/harvest', { url: 'ftp://nowhere', format: 'oai' });
      expect(bad.status).toBe(400);
      expect(await db.selectFrom('harvest_sources').select('id').execute()).toHaveLength(0);
      const added = await b.submit('/admin/harvest', '/admin/harvest', { url: `${site.url}/oai`, format: 'oai', set: 'cities', schedule: 'weekly' });
      expect(added.status).toBe(303);
      const page = await b.page('/admin/harvest?done=added');
      expect(page.html).toContain(`${site.url}/oai`);
      expect(page.html).toContain('Not harvested yet.');
      const { id } = await db.selectFrom('harvest_sources').select('id').executeTakeFirstOrThrow();
      const edited = await b.submit('/admin/harvest', `/admin/harvest/${id}`, { url: `${site.url}/oai-moved`, format: 'oai', schedule: 'daily' });
      expect(edited.status).toBe(303);
      expect((await b.submit('/admin/harvest', `/admin/harvest/${id}/run`, {})).status).toBe(303);
      expect(await db.selectFrom('jobs').select('kind').where('kind', '=', 'harvest').execute()).toHaveLength(1);
      const audit = await b.page('/admin/audit');
      for (const label of ['Harvest source added', 'Harvest source changed', 'Harvest run started by hand']) expect(audit.html).toContain(label);
      expect(audit.html).toContain(`${site.url}/oai-moved`);
    });
  });
}
