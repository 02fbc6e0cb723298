/** A rendered answer as sent: its headers (as a flat name, value list) and its bytes, at a site version. */
export interface StoredPage {
  version: string;
  /** Header names and values one after the other, content-length included: what writeHead takes. */
  headers: string[];
  etag: string;
  body: Buffer;
}

/**
 * Rendered pages of one site version, least recently used dropped beyond `maxBytes`. A new
 * version empties it: every page was rendered from what the old version showed.
 */
export class PageStore {
  private readonly pages = new Map<string, StoredPage>();
  private bytes = 0;
  private version: string | undefined;

  constructor(private readonly maxBytes: number) {}

  /** The page of a key at this version, if kept. */
  get(key: string, version: string): StoredPage | undefined {
    if (version !== this.version) return undefined;
    const page = this.pages.get(key);
    if (!page) return undefined;
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /** Keeps a page rendered at `version`, unless the site has moved on since. */
  set(key: string, page: StoredPage, current: string | undefined): void {
    if (page.version !== current || page.body.length > this.maxBytes / 8) return;
    if (this.version !== page.version) this.clear(page.version);
    const old = this.pages.get(key);
    if (old) this.bytes -= old.body.length;
    this.pages.delete(key);
    this.pages.set(key, page);
    this.bytes += page.body.length;
    for (const [k, p] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= p.body.length;
    }
  }

  /** Drops every page (a new version). */
  clear(version?: string): void {
    this.pages.clear();
    this.bytes = 0;
    this.version = version;
  }

  get size(): number {
    return this.pages.size;
  }
}
