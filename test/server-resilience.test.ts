import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, repoRoot, startServer } from './support/server-process.ts';

/** Writes raw bytes to the server and resolves with what it answered once it closed the connection, and after how long. */
function rawExchange(url: string, bytes: string, giveUpMs: number): Promise<{ answer: string; closedAfterMs: number; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ answer, closedAfterMs: performance.now() - started, closed });
    };
    const timer = setTimeout(() => done(false), giveUpMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => done(true));
    socket.on('error', () => done(true));
  });
}

describe('a running server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { HTTP_HEADERS_TIMEOUT_MS: '800', HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' } });
  }, 120_000);
  afterAll(async () => server?.stop());

  it('answers a request whose body never comes in full with 408 and closes it, within the request timeout', async () => {
    const host = new URL(server.url).host;
    const { answer, closedAfterMs, closed } = await rawExchange(
      server.url,
      `POST /login HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a`,
      10_000,
    );
    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    // 1.5 s, checked every 80 ms; the bound leaves room for a busy machine.
    expect(closedAfterMs).toBeLessThan(5_000);
  });

  it('answers a request whose headers never end with 408 and closes it, within the headers timeout', async () => {
    const host = new URL(server.url).host;
    const { answer, closed, closedAfterMs } = await rawExchange(server.url, `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `, 10_000);
    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeLessThan(5_000);
  });

  it('serves the command-line endpoints only on a loopback listener of its own, named in server.json', async () => {
    const info = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'server.json'), 'utf8')) as { pid: number; url: string; token: string };
    expect(Object.keys(info).sort()).toEqual(['pid', 'token', 'url']);
    const internal = new URL(info.url);
    expect(internal.hostname).toBe('127.0.0.1');
    expect(internal.port).not.toBe(new URL(server.url).port);
    const auth = { authorization: `Bearer ${info.token}` };

    const exported = await fetch(`${info.url}/internal/export?format=csv`, { headers: auth });
    expect(exported.status).toBe(200);
    expect(Number(exported.headers.get('x-total-count'))).toBeGreaterThan(0);
    await exported.body?.cancel();

    // The public address knows nothing of them, token or not, in any language.
    for (const p of ['/internal/export?format=csv', '/fr/internal/export', '/internal/seed-demo']) {
      const res = await fetch(`${server.url}${p}`, { headers: auth });
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    // And the loopback listener serves nothing but them.
    expect((await fetch(`${info.url}/`)).status).toBe(404);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('still lets the command line work through the running server', () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/clearinghouse.js'), 'export', '--format', 'csv', '--country', 'DE'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toContain('id');
    expect(run.stdout.trim().split('\n').length).toBeGreaterThan(1);
  });
});

describe('a starting server', () => {
  it('says "not ready" with Retry-After until migrated, seeded and warm, then ready; a page asked for meanwhile is served once it can be', async () => {
    const server = await startServer({ wait: 'spawned' });
    try {
      const seen: { status: number; retryAfter: string | null; body: string }[] = [];
      let early: Promise<Response> | undefined;
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const res = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
        if (res) {
          seen.push({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() });
          // A visitor who comes while the server is still starting.
          early ??= fetch(`${server.url}/practices`);
          if (res.status === 200) break;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      const notReady = seen.filter((s) => s.status === 503);
      expect(notReady.length, server.logs()).toBeGreaterThan(0);
      expect(notReady.every((s) => Number(s.retryAfter) > 0)).toBe(true);
      expect(notReady.map((s) => JSON.parse(s.body).status)).toContain('starting');
      expect(seen.at(-1)).toMatchObject({ status: 200 });
      expect(JSON.parse(seen.at(-1)?.body ?? '{}')).toEqual({ status: 'ready' });

      // Served once migrations and demo data are in (or, after a long wait, told when to come back), never refused.
      const page = await early;
      expect([200, 503]).toContain(page?.status);
      if (page?.status === 503) expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await page?.text()).toContain('class="site-header"');
      // Liveness answered all along and still does.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 150_000);
});
