import fs from 'node:fs/promises';
import os from 'node:os';
import { text as readAll } from 'node:stream/consumers';
import { CliError, exitCodes } from './cli-error.ts';

/** The text of a command's input file, or of standard input for "-"; an unreadable file is a clear error. */
export async function readInput(file: string): Promise<string> {
  if (file === '-') return readAll(process.stdin);
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, exitCodes.noInput);
  }
}

/** Who the revisions of this import are attributed to: the operator's account on this machine. */
export function importingUser(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}
