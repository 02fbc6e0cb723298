import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding the project's package.json, found by walking up from this module. The
 * same answer whether this file runs from src/ (tsx, tests) or from the server bundle in
 * .build/ that `npm start` loads, so files shipped beside the code (stylesheets, message
 * catalogues, demo data) are found either way.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

const root = findProjectRoot();

/**
 * A path inside the project.
 * @example projectPath('src', 'assets') // '/srv/clearinghouse/src/assets'
 */
export function projectPath(...segments: string[]): string {
  return path.join(root, ...segments);
}
