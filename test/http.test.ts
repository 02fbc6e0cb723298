import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { createDemoDatabase, createTestApp } from './support/test-db.ts';

// HTTP behaviour does not depend on the engine; PGlite keeps this file quick.
describe('HTTP layer', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase('pglite'));
    app = createTestApp(db);
  });
  afterAll(async () => drop());

  it('serves the home page with figures, themes and the latest practices', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(html).toMatch(/<strong>61<\/strong> practices/);
    expect(html).toContain('href="/practices?theme=housing"');
    expect(html.match(/class="card"/g)?.length).toBe(6);
  });

  it('refuses an oversized form with a 413 page before reading it, and nothing else changes', async () => {
    const body = new URLSearchParams({ _csrf: 'x', summary: 'a'.repeat(5 * 1024 * 1024) });
    const res = await app.request('/account', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('larger than this page accepts');
  });

  it('compresses once and answers a matching If-None-Match with 304', async () => {
    const first = await app.request('/', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(first.headers.get('content-encoding')).toBe('br');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const html = brotliDecompressSync(Buffer.from(await first.arrayBuffer())).toString();
    expect(html).toContain('<h1>');

    const gz = await app.request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(html);

    const again = await app.request('/', { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('sends security headers with a Content-Security-Policy without unsafe-inline', async () => {
    const res = await app.request('/practices');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('forbids framing in one voice: CSP frame-ancestors none and X-Frame-Options DENY', async () => {
    const res = await app.request('/practices');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends Strict-Transport-Security only to visitors who came over HTTPS', async () => {
    // Plain HTTP: the header means nothing to a browser there.
    expect((await app.request('/')).headers.get('strict-transport-security')).toBeNull();
    // A proxy's word counts only when the operator said it may be trusted.
    expect((await app.request('/', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
    const behindProxy = createTestApp(db, { TRUST_PROXY: 'true' });
    expect((await behindProxy.request('/', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect((await behindProxy.request('/', { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security')).toBeNull();
    const httpsSite = createTestApp(db, { PUBLIC_URL: 'https://clearinghouse.example' });
    expect((await httpsSite.request('/')).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    createTestApp(db); // back to this file's public address for the pages rendered next
  });

  it('names each header a page varies on once', async () => {
    const asked: Record<string, string>[] = [{ 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip', cookie: 'lang=en; ch_session=stale' }];
    for (const headers of asked) {
      const tokens = ((await app.request('/practices', { headers })).headers.get('vary') ?? '').split(',').map((t) => t.trim().toLowerCase());
      expect(tokens).toEqual(expect.arrayContaining(['accept-language', 'cookie', 'accept-encoding']));
      expect(new Set(tokens).size).toBe(tokens.length);
    }
  });

  it('answers /internal/* only to requests through the loopback listener, and nothing else there', async () => {
    const auth = { authorization: 'Bearer secret-token' };
    const adminApp = createTestApp(db, { ADMIN_TOKEN: 'secret-token' });
    const viaPublic = await adminApp.request('/internal/export', { headers: auth }, { listener: 'public' });
    expect(viaPublic.status).toBe(404);
    expect(viaPublic.headers.get('content-type')).toContain('application/problem+json');
    expect((await adminApp.request('/fr/internal/export', { headers: auth }, { listener: 'public' })).status).toBe(404);
    const viaLoopback = await adminApp.request('/internal/export', { headers: auth }, { listener: 'internal' });
    expect(viaLoopback.status).toBe(200);
    await viaLoopback.body?.cancel();
    expect((await adminApp.request('/', {}, { listener: 'internal' })).status).toBe(404);
    expect((await adminApp.request('/', {}, { listener: 'public' })).status).toBe(200);
    // In-process requests came through no listener: tests reach every route.
    const inProcess = await adminApp.request('/internal/export', { headers: auth });
    expect(inProcess.status).toBe(200);
    await inProcess.body?.cancel();
    createTestApp(db);
  });

  it('serves fingerprinted CSS with an immutable cache lifetime', async () => {
    const html = await (await app.request('/')).text();
    const href = html.match(/href="(\/assets\/site\.[0-9a-f]+\.css)"/)?.[1];
    expect(href).toBeTruthy();
    const css = await app.request(href as string);
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toContain('immutable');
  });

  it('shows a 404 page in the site look for an unknown address', async () => {
    const res = await app.request('/no/such/page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('class="site-header"');
  });

  it('reports health and readiness', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('tells a visitor to come back shortly when the database cannot be reached, without the details', async () => {
    const broken = createTestApp(db);
    broken.get('/down', () => {
      throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED', syscall: 'connect' });
    });
    broken.get('/api/down', () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    });
    const page = await broken.request('/down');
    expect(page.status).toBe(503);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await page.text();
    expect(html).toContain('class="site-header"');
    expect(html).not.toContain('ECONNREFUSED');
    const api = await broken.request('/api/down');
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ status: 503, code: 'unavailable' });
    createTestApp(db);
  });

  it('never shows a stack trace when something fails', async () => {
    const broken = createTestApp(db);
    broken.get('/boom', () => {
      throw new Error('secret internals at /src/db');
    });
    // Routes added after onError still go through it.
    const res = await broken.request('/boom');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('Something went wrong on our side');
    expect(html).not.toContain('secret internals');
  });
});
