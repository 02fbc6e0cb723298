import pg from 'pg';
import { type Database, withPGlite } from './database.ts';

/** What a subscription tells its owner. */
export interface NotificationHandlers {
  /** A notification's payload, delivered after the transaction that sent it committed. */
  message(payload: string): void;
  /** Listening (again): notifications sent from now on arrive; those sent while it was down are lost. */
  listening(): void;
  /** The connection was lost: nothing arrives until `listening` is called again. */
  lost(error: Error): void;
}

export interface Subscription {
  close(): Promise<void>;
}

/** Pause before connecting again after the listening connection was lost. */
const reconnectMs = 1_000;

/**
 * Listens on a channel of PostgreSQL on a connection of its own (LISTEN holds its session),
 * reconnecting after a loss until closed.
 */
function listenOnPostgres(url: string, channel: string, on: NotificationHandlers, connectMs: number): Subscription {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectMs, keepAlive: true });
    client = c;
    let failed = false;
    const fail = (e: Error) => {
      if (failed || closed) return;
      failed = true;
      on.lost(e);
      c.end().catch(() => undefined);
      retry = setTimeout(() => void connect(), reconnectMs);
      retry.unref();
    };
    c.on('error', fail);
    c.on('end', () => fail(new Error('listening connection ended')));
    c.on('notification', (n) => {
      if (n.channel === channel) on.message(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (!closed) on.listening();
    } catch (e) {
      fail(e as Error);
    }
  };
  void connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * Subscribes to a channel: on PostgreSQL over a dedicated connection (`url`), on the embedded
 * database through PGlite's own listener, which delivers a notification as the sending
 * transaction commits (one process writes there: this one).
 * @example const sub = await subscribe(db, { url }, 'site_changed', handlers);
 */
export async function subscribe(
  db: Database,
  postgres: { url: string; connectMs?: number } | undefined,
  channel: string,
  on: NotificationHandlers,
): Promise<Subscription> {
  if (postgres) return listenOnPostgres(postgres.url, channel, on, postgres.connectMs ?? 5_000);
  const unlisten = await withPGlite(db, (pglite) => pglite.listen(channel, (payload) => on.message(payload)));
  if (!unlisten) throw new Error('no embedded database to listen on: give the PostgreSQL address');
  on.listening();
  return { close: () => withPGlite(db, () => unlisten()).then(() => undefined) };
}
