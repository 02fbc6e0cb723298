import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { withVary } from './vary.ts';

type Encoding = 'br' | 'gzip' | 'identity';

/** Picks the best encoding the client accepts: Brotli, then gzip. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const ae = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(ae)) return 'br';
  if (/\bgzip\b/.test(ae)) return 'gzip';
  return 'identity';
}

/** Compresses a body once with the given encoding. */
export function compress(body: Uint8Array, encoding: Encoding): Uint8Array {
  if (encoding === 'br') {
    return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return body;
}

/** A small LRU of compressed bodies keyed by ETag and encoding. */
class CompressedLru {
  private readonly map = new Map<string, Uint8Array>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}
  get(key: string): Uint8Array | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: Uint8Array): void {
    this.map.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(k);
      this.bytes -= v.length;
    }
  }
}

/**
 * Says the answer depends on Accept-Encoding. Set on the context after `c.res` is replaced:
 * Hono copies the replaced response's headers over the new one's, so a Vary set on the new
 * headers beforehand would be lost (and a cache could hand Brotli to a client without it).
 */
function varyOnEncoding(c: Context): void {
  c.header('vary', withVary(c.res.headers.get('vary'), 'Accept-Encoding'));
}

/**
 * For GET responses that are text: adds a strong ETag, answers If-None-Match with 304, and
 * compresses each distinct body once (measured: compressing on every request cut throughput
 * by two thirds), serving later requests for the same body from memory.
 */
export function etagAndCompression(options: { maxBytes?: number; minSize?: number } = {}): MiddlewareHandler {
  const cache = new CompressedLru(options.maxBytes ?? 32 * 1024 * 1024);
  const minSize = options.minSize ?? 1024;
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (
      res.status !== 200 ||
      res.headers.has('content-encoding') ||
      !/^(text\/|application\/(json|xml|atom\+xml|ld\+json|problem\+json|javascript)|image\/svg)/.test(type)
    ) {
      return;
    }
    // Downloads stream from the database batch by batch; buffering them here would hold a whole export in memory.
    if (res.headers.get('content-disposition')?.startsWith('attachment')) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const etag = res.headers.get('etag') ?? `"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = new Headers(res.headers);
    headers.set('etag', etag);
    const inm = c.req.header('if-none-match');
    if (inm?.split(/\s*,\s*/).includes(etag)) {
      headers.delete('content-length');
      c.res = new Response(null, { status: 304, headers });
      varyOnEncoding(c);
      return;
    }
    const encoding = body.length >= minSize ? pickEncoding(c.req.header('accept-encoding')) : 'identity';
    let out: Uint8Array = body;
    if (encoding !== 'identity') {
      const key = `${etag}|${encoding}`;
      const hit = cache.get(key);
      out = hit ?? compress(body, encoding);
      if (!hit) cache.set(key, out);
      headers.set('content-encoding', encoding);
    }
    headers.set('content-length', String(out.length));
    c.res = new Response(c.req.method === 'HEAD' ? null : (out as Uint8Array<ArrayBuffer>), { status: 200, headers });
    varyOnEncoding(c);
  };
}
