import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './support/server-process.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';
import { createPostgresDatabase, testEngines } from './support/test-db.ts';

/** No request may take longer than this while the database is gone: the connect and statement timeouts below, and room for a busy machine. */
const boundMs = 10_000;

/** A GET that must be answered within the bound; resolves with the answer and how long it took. */
async function timedGet(url: string): Promise<{ res: Response; body: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(boundMs + 5_000) });
  const body = await res.text();
  return { res, body, ms: performance.now() - started };
}

describe.runIf(testEngines().includes('postgres'))('a PostgreSQL outage', () => {
  let proxy: TcpProxy;
  let server: RunningServer;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string, 'ch_outage');
    drop = database.drop;
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const throughProxy = new URL(database.url);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    server = await startServer({
      databaseUrl: throughProxy.toString(),
      env: { DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '1500', DATABASE_POOL_SIZE: '4' },
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await drop?.();
  });

  it('answers 503 with Retry-After in the site look (a problem document on the API), says so on /healthz, and recovers by itself', async () => {
    expect((await timedGet(`${server.url}/`)).res.status).toBe(200);

    // The network goes silent: requests waiting on the database still get an answer, in time.
    proxy.stall();
    const silent = await timedGet(`${server.url}/practices?q=water`);
    expect(silent.res.status).toBe(503);
    expect(silent.ms).toBeLessThan(boundMs);

    // A request under way when the database goes away is answered, not left hanging.
    const inFlight = timedGet(`${server.url}/practices?q=housing`);
    await new Promise((r) => setTimeout(r, 300));
    await proxy.cut();
    const cutAt = performance.now();
    const interrupted = await inFlight;
    expect(interrupted.res.status).toBe(503);
    expect(performance.now() - cutAt).toBeLessThan(boundMs);

    // While it is down: pages in the site's look, the API as problem documents, all with Retry-After.
    for (const p of ['/', '/practices', '/fr/practices?q=emploi', '/map']) {
      const { res, body, ms } = await timedGet(`${server.url}${p}`);
      expect(res.status, p).toBe(503);
      expect(Number(res.headers.get('retry-after')), p).toBeGreaterThan(0);
      expect(res.headers.get('cache-control'), p).toBe('no-store');
      expect(body, p).toContain('class="site-header"');
      expect(body, p).not.toMatch(/ECONNREFUSED|stack|at .*\.ts:\d+/);
      expect(ms, p).toBeLessThan(boundMs);
    }
    const api = await timedGet(`${server.url}/api/v1/practices?q=housing`);
    expect(api.res.status).toBe(503);
    expect(api.res.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(api.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(api.body)).toMatchObject({ status: 503, code: 'unavailable' });

    const health = await timedGet(`${server.url}/healthz`);
    expect(health.res.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'unavailable' });
    expect((await timedGet(`${server.url}/readyz`)).res.status).toBe(503);
    expect(server.logs()).toContain('database unavailable');

    // Back again: the same process serves again without a restart.
    await proxy.restore();
    const deadline = Date.now() + 30_000;
    while ((await timedGet(`${server.url}/healthz`)).res.status !== 200) {
      expect(Date.now(), 'the server did not recover').toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await timedGet(`${server.url}/`)).res.status).toBe(200);
    expect((await timedGet(`${server.url}/practices?q=housing`)).res.status).toBe(200);
    const again = await timedGet(`${server.url}/api/v1/practices?q=housing`);
    expect(again.res.status).toBe(200);
    expect(JSON.parse(again.body).total).toBeGreaterThan(0);
    expect((await timedGet(`${server.url}/readyz`)).res.status).toBe(200);
  }, 120_000);
});
