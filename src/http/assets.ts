import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { projectPath } from '../shared/project-root.ts';

const assetsDir = projectPath('src', 'assets');
/** Stylesheet parts, one per area of the site, joined in file-name order into one site.css (one request). */
const cssPartsDir = path.join(assetsDir, 'css');

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  body: Buffer;
  type: string;
  url: string;
}

/** Static files fingerprinted by content, so they can be cached forever. */
export interface Assets {
  urls: Record<string, string>;
  /** The scripts among them (`local-time.js` → its fingerprinted URL), for pages to add. */
  scripts: Record<string, string>;
  routes: Hono;
}

/**
 * Loads src/assets once (the stylesheet joined from its parts in src/assets/css) and serves
 * each file at /assets/<name>.<hash><ext> with an immutable cache lifetime; `urls` maps the
 * plain file name to its fingerprinted URL.
 * @example const assets = loadAssets(); assets.urls['site.css'] // '/assets/site.3f2a1b9c.css'
 */
export function loadAssets(): Assets {
  const byUrl = new Map<string, Asset>();
  const urls: Record<string, string> = {};
  const files = new Map<string, Buffer>();
  for (const file of fs.readdirSync(assetsDir)) {
    if (types[path.extname(file)] && fs.statSync(path.join(assetsDir, file)).isFile()) files.set(file, fs.readFileSync(path.join(assetsDir, file)));
  }
  const parts = fs
    .readdirSync(cssPartsDir)
    .filter((f) => f.endsWith('.css'))
    .sort();
  files.set('site.css', Buffer.concat(parts.map((f) => fs.readFileSync(path.join(cssPartsDir, f)))));
  for (const [file, body] of files) {
    const ext = path.extname(file);
    const type = types[ext];
    const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
    const url = `/assets/${path.basename(file, ext)}.${hash}${ext}`;
    byUrl.set(url, { body, type, url });
    urls[file] = url;
  }
  const routes = new Hono();
  routes.get('/assets/:file', (c) => {
    const asset = byUrl.get(c.req.path);
    if (!asset) return c.notFound();
    return c.body(new Uint8Array(asset.body), 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable' });
  });
  routes.get('/favicon.svg', (c) => {
    const asset = urls['favicon.svg'] ? byUrl.get(urls['favicon.svg']) : undefined;
    if (!asset) return c.notFound();
    return c.body(new Uint8Array(asset.body), 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
  });
  const scripts = Object.fromEntries(Object.entries(urls).filter(([file]) => file.endsWith('.js')));
  return { urls, scripts, routes };
}
