import { ensureBundle } from '../../bin/bundle.js';

/**
 * Vitest global setup: builds the server and CLI bundles that the tests start (as `npm start`
 * and `clearinghouse` do) once, before the test files run in parallel, so a compile error
 * stops the run here rather than as a server that never answers.
 */
export default async function buildBundles(): Promise<void> {
  for (const bundle of ['server', 'cli'] as const) {
    if (!(await ensureBundle(bundle))) throw new Error(`could not build the ${bundle} bundle in .build/`);
  }
}
