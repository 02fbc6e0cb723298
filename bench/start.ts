/**
 * Times `npm start` until `/healthz` answers: once on a new data folder (migrations and demo
 * data), then `--runs` more times on the same folder — the "second start" a returning operator
 * waits for.
 *
 *   npx tsx bench/start.ts [--runs 4] [--port 3999]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '4' }, port: { type: 'string', default: '3999' } } });
const runs = Number(values.runs);
const port = Number(values.port);
const dataDir = path.resolve('.bench/start-data');
fs.rmSync(dataDir, { recursive: true, force: true });

/** Starts the server as a newcomer would, and returns the seconds until /healthz answers 200. */
async function timeStart(): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error('the server did not answer /healthz within 120 s');
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await sleep(20);
    }
  } finally {
    // npm runs node in a child of its own: stop the whole group, and wait for the folder's lock to go.
    process.kill(-(child.pid as number), 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await sleep(500);
  }
}

const first = await timeStart();
process.stdout.write(`first start (migrations, demo data): ${first.toFixed(2)} s\n`);
const again: number[] = [];
for (let i = 0; i < runs; i++) again.push(await timeStart());
process.stdout.write(`second starts: ${again.map((s) => s.toFixed(2)).join(', ')} s\n`);
fs.rmSync(dataDir, { recursive: true, force: true });
