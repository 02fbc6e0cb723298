import { execFileSync } from 'node:child_process';

/**
 * The commit the benchmark ran on, and whether src/ had uncommitted changes, so a number in
 * docs/performance.md can be traced to the code that produced it. Read-only git calls.
 * @example codeVersion() // 'c4d75db (src clean)'
 */
export function codeVersion(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim();
    return `${head} (src ${dirty ? 'with uncommitted changes' : 'clean'})`;
  } catch {
    return 'unknown (no git)';
  }
}
