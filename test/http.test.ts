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

  it('reports health', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
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
