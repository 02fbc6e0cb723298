#!/usr/bin/env node
// `npm run build`: builds the server and CLI bundles ahead of the first start, for an install
// whose folder will be read-only when it runs (`npm start` builds them itself otherwise).
import { ensureBundle } from './bundle.js';

for (const bundle of ['server', 'cli']) {
  let out;
  try {
    out = await ensureBundle(bundle);
  } catch {
    process.exit(1); // esbuild has printed the compile error
  }
  if (!out) {
    process.stderr.write(`could not write the ${bundle} bundle to .build/ (is esbuild installed and the folder writable?)\n`);
    process.exit(1);
  }
  process.stdout.write(`${out}\n`);
}
