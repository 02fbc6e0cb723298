import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP reverse proxy on 127.0.0.1 sending each request to the next of `targets` in
 * turn, as a load balancer without session affinity does: whatever state a request needs
 * (session, rate limits, caches) must come from the shared database, not from the instance.
 * It adds X-Forwarded-For with the client's address, as a real proxy would.
 * @example const proxy = await startRoundRobinProxy(['http://127.0.0.1:3001', 'http://127.0.0.1:3002']);
 */
export async function startRoundRobinProxy(targets: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length] as string);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        agent,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      agent.destroy();
    },
  };
}
