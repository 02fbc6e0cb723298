import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { AppEnv } from './app-env.ts';
import { notFound } from './errors.ts';

/**
 * The two doors of a server: `public`, on HOST:PORT, for the site and the API; `internal`, on
 * the loopback interface at a port of the system's choosing, for the endpoints the local
 * command line uses (`/internal/*`, with the token from server.json). A request says which door
 * it came through in its Hono env; in-process requests (tests) name none.
 */
export type Listener = 'public' | 'internal';

/** An HTTP server listening, and how to close it. */
export interface Listening {
  server: Server;
  port: number;
  /** Stops accepting connections, closes idle ones, and resolves once the open ones have ended (or were cut after a grace period). */
  close(): Promise<void>;
}

/** How long a stopping server waits for the answers under way. */
const closeGraceMs = 5_000;

/** The HTTP timeouts of the config. */
export type HttpTimeouts = Pick<Config, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'>;

/**
 * Serves `fetch` on one listener, with the config's timeouts: a client that does not send its
 * headers, or its whole request, in time gets 408 and the connection is closed (Node checks
 * this periodically, every 30 s unless told; here every tenth of the shorter timeout, at most
 * a second). Resolves once listening; rejects when the port cannot be had.
 * @example const { port } = await listen(app.fetch, { listener: 'internal', port: 0, hostname: '127.0.0.1', timeouts: config });
 */
export async function listen(
  fetch: (request: Request, env: Record<string, unknown>) => Response | Promise<Response>,
  options: {
    listener: Listener;
    port: number;
    hostname: string;
    timeouts: HttpTimeouts;
    /** Answers a request before the app when it can (the page cache), returning true. */
    before?: (req: IncomingMessage, res: ServerResponse) => boolean;
  },
): Promise<Listening> {
  const t = options.timeouts;
  const app = getRequestListener((request, env) => fetch(request, { ...env, listener: options.listener }));
  const before = options.before;
  const server = createServer(
    {
      headersTimeout: t.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: t.HTTP_REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.round(t.HTTP_HEADERS_TIMEOUT_MS / 10))),
    },
    before ? (req, res) => void (before(req, res) || app(req, res)) : (req, res) => void app(req, res),
  );
  server.keepAliveTimeout = t.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        // Answers under way get a few seconds to finish; a download that goes on longer is cut.
        const cut = setTimeout(() => server.closeAllConnections(), closeGraceMs);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/**
 * Keeps each door to its paths: `/internal/*` only through the internal (loopback) listener,
 * everything else only through the public one; anything else is not found. In-process
 * requests, which came through no listener, reach every route.
 * @example app.use(listenerGate());
 */
export function listenerGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const listener = (c.env as { listener?: Listener } | undefined)?.listener;
    if (listener && (c.req.path === '/internal' || c.req.path.startsWith('/internal/')) !== (listener === 'internal')) throw notFound();
    await next();
  };
}
