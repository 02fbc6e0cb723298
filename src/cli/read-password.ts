import { CliError, exitCodes } from './cli-error.ts';

/** Reads all of standard input; one trailing newline (from echo or a here-string) is not part of the password. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks for a line on the terminal without echoing it (raw mode: each key is read as typed). */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  let typed = '';
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (keys: string) => {
      for (const key of keys) {
        if (key === '\r' || key === '\n') return done();
        if (key === '\u0003') return done(new CliError('Cancelled.', exitCodes.usage));
        if (key === '\u007f' || key === '\b') typed = typed.slice(0, -1);
        else if (key >= ' ') typed += key;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The new account's password: from standard input for scripts, else asked twice on the
 * terminal without echo. Never from a command-line option, which other users can see in `ps`.
 * @example const password = await readNewPassword(values['password-stdin'] === true);
 */
export async function readNewPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) {
    throw new CliError('No terminal to ask for the password on. Pipe it in with --password-stdin.', exitCodes.usage);
  }
  const first = await askHidden('Password (at least 10 characters, not shown): ');
  const second = await askHidden('Password again: ');
  if (first !== second) throw new CliError('The two passwords differ; nothing was changed.', exitCodes.usage);
  return first;
}
