import type { Database } from '../db/database.ts';
import { siteChannel } from '../db/migrations/0015-site-version.ts';
import { type Subscription, subscribe } from '../db/notifications.ts';
import { readSiteVersion, type SiteVersion } from '../db/site-version.repo.ts';
import type { Logger } from '../shared/logger.ts';

/**
 * The version of what public pages show, known in process without asking the database: read
 * once when listening starts, then moved forward by the notifications every committed write
 * sends (migration 0015). While the listening connection is down the version is unknown, and
 * whoever relies on it (the page cache) must ask the database instead.
 */
export class SiteVersionFeed {
  private version: SiteVersion | undefined;
  /** The highest versions notified, kept while the version is unknown too: a write notified before the first read's answer arrives is not lost. */
  private readonly notified: SiteVersion = { catalogue: 0, site: 0 };
  private subscription: Subscription | undefined;
  private readonly listeners = new Set<(version: string) => void>();
  /** Bumped on every loss, so a read started before one cannot make the feed live again. */
  private epoch = 0;

  constructor(private readonly log?: Logger) {}

  /**
   * The current version as a string ("catalogue.site"), or undefined when not known for sure.
   * @example if (feed.current() === entry.version) serve(entry);
   */
  current(): string | undefined {
    return this.version && `${this.version.catalogue}.${this.version.site}`;
  }

  /** Calls `fn` with every new version. */
  onChange(fn: (version: string) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Starts listening: on PostgreSQL over its own connection to `postgresUrl`, else on the embedded database. */
  async start(db: Database, postgresUrl?: string): Promise<void> {
    this.subscription = await subscribe(db, postgresUrl ? { url: postgresUrl } : undefined, siteChannel, {
      message: (payload) => this.apply(payload),
      listening: () => void this.readAfterListening(db),
      lost: (error) => {
        this.epoch++;
        this.set(undefined);
        this.log?.warn('site version feed lost, pages are not served from the cache until it is back', { error: error.message });
      },
    });
  }

  async stop(): Promise<void> {
    this.epoch++;
    this.set(undefined);
    await this.subscription?.close();
  }

  /** The version read once LISTEN is in place: a write committed after the read is notified, one before it is in the read. */
  private async readAfterListening(db: Database): Promise<void> {
    const epoch = this.epoch;
    try {
      const read = await readSiteVersion(db);
      if (epoch !== this.epoch) return;
      this.set({ catalogue: Math.max(this.notified.catalogue, read.catalogue), site: Math.max(this.notified.site, read.site) });
    } catch (e) {
      this.log?.warn('site version not read, the page cache waits for the next notification', { error: (e as Error).message });
    }
  }

  private apply(payload: string): void {
    const [kind, value] = payload.split(':');
    const n = Number(value);
    if ((kind !== 'catalogue' && kind !== 'site') || !Number.isFinite(n) || n <= this.notified[kind]) return;
    this.notified[kind] = n;
    if (this.version && n > this.version[kind]) this.set({ ...this.version, [kind]: n });
  }

  private set(version: SiteVersion | undefined): void {
    const before = this.current();
    this.version = version;
    const now = this.current();
    if (now !== undefined && now !== before) for (const fn of this.listeners) fn(now);
  }
}
