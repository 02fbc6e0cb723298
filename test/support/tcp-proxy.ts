import net from 'node:net';

/** A TCP proxy in front of a server, which a test can cut, stall and restore like a network or a database going away. */
export interface TcpProxy {
  /** host:port of the proxy, on loopback. */
  port: number;
  /** Like a server that stopped: open connections are closed and new ones refused. */
  cut(): Promise<void>;
  /** Like a network that drops packets: open connections stay open but nothing passes, new ones are accepted and get no answer. */
  stall(): void;
  /** Back to normal: new connections pass (stalled ones stay stalled until they are closed). */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a proxy on a free loopback port that forwards every connection to `target`.
 * @example const proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 }); await proxy.cut(); await proxy.restore();
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let stalled = false;
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (stalled) return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on('data', (chunk) => {
        if (!stalled) to.write(chunk);
      });
      from.on('close', () => to.destroy());
    };
    forward(client, upstream);
    forward(upstream, client);
  });
  const listenOn = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listenOn(0);
  const port = (server.address() as net.AddressInfo).port;
  const destroyAll = () => {
    for (const s of sockets) s.destroy();
  };
  return {
    port,
    cut: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        destroyAll();
      });
    },
    stall: () => {
      stalled = true;
    },
    restore: async () => {
      stalled = false;
      if (!server.listening) await listenOn(port);
    },
    close: async () => {
      destroyAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
