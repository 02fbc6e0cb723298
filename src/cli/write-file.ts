import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes a stream to FILE through a temporary name, so a failed export or backup never leaves
 * a file that looks complete, nor replaces a good one; `verify` may refuse the written file
 * before it takes the name.
 * @example await writeFileWhole(Readable.from(chunks), 'practices.json');
 */
export async function writeFileWhole(
  source: Readable,
  file: string,
  options: { mode?: number; verify?: (written: string) => Promise<void> } = {},
): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await pipeline(source, fs.createWriteStream(partial, { mode: options.mode }));
    await options.verify?.(partial);
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}
