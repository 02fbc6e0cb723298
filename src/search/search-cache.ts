/**
 * A small in-process LRU of search answers, each tagged with the catalogue version it was
 * computed at. A lookup with a newer version misses, so a write on any instance (which bumps
 * the version in the database) invalidates every instance's cache at its next request.
 * Nothing here must be shared between instances: a miss only costs a query.
 */
export class SearchCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();
  constructor(private readonly capacity: number) {}

  /** The cached answer for a key at this version, if any. */
  get(key: string, version: number): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.version !== version) return undefined;
    this.entries.set(key, hit);
    return hit.value;
  }

  /** Remembers an answer, evicting the least recently used beyond capacity. */
  set(key: string, version: number, value: T): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
