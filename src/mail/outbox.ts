import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * A sortable, unique file name for an outbox mail: time first, so `ls` shows them in order.
 * @example outboxFileName(new Date()) // '20250101T120000123Z-3fa9c1.eml'
 */
export function outboxFileName(at: Date): string {
  return `${at.toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}.eml`;
}

/**
 * The mails in an outbox folder, oldest first, as raw text; for operators' scripts and tests.
 * @example const [last] = (await readOutbox(dir)).slice(-1);
 */
export async function readOutbox(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map((n) => fs.readFile(path.join(dir, n), 'utf8')));
}
