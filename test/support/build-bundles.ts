import { execFileSync } from 'node:child_process';
import { repoRoot } from './server-process.ts';

/**
 * Vitest global setup: builds the server and CLI bundles that the tests start (as `npm start`
 * and `clearinghouse` do) once, with `npm run build`'s script, before the test files run in
 * parallel, so a compile error stops the run here rather than as a server that never answers.
 */
export default function buildBundles(): void {
  execFileSync(process.execPath, ['bin/build.js'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
}
