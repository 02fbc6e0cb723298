// A process that tries to take a data folder's lock at a given moment, for races between
// processes: prints "got" (and holds the lock for a few seconds) or the refusal's code.
// Usage: node --import tsx test/support/take-lock.ts DATA_DIR START_AT_MS [HOLD_MS]
import { lockDataDir } from '../../src/db/data-dir-lock.ts';

const [dataDir, startAt, holdMs = '4000'] = process.argv.slice(2);
while (Date.now() < Number(startAt) - 50) await new Promise((r) => setTimeout(r, 5));
// The last moments spin, so that every racer asks within the same millisecond or so.
while (Date.now() < Number(startAt));
try {
  await lockDataDir(dataDir);
  process.stdout.write('got');
  setTimeout(() => process.exit(0), Number(holdMs));
} catch (e) {
  process.stdout.write(String((e as { code?: string }).code ?? (e as Error).message));
}
