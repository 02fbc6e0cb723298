import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { type Database, withPGlite } from './database.ts';

/** The first bytes of every gzip stream. */
const gzipMagic = [0x1f, 0x8b];

/**
 * A consistent copy of the embedded database: a gzip tarball of its folder. The files are
 * copied after a checkpoint (so they hold every committed row) while no statement or
 * transaction runs: a running import finishes first, and later queries wait for the copy
 * (about a second at 125 MB), not for its compression, which streams afterwards. Undefined on
 * PostgreSQL, which has pg_dump.
 * @example const dump = await dumpDatabase(db); if (dump) await pipeline(Readable.fromWeb(dump), fs.createWriteStream('backup.tar.gz'));
 */
export async function dumpDatabase(db: Database): Promise<ReadableStream<Uint8Array> | undefined> {
  const tar = await withPGlite(db, async (pglite) => {
    await pglite.query('CHECKPOINT');
    return pglite.dumpDataDir('none');
  });
  return tar?.stream().pipeThrough(new CompressionStream('gzip'));
}

/** Whether these bytes can be a dump from dumpDatabase (a gzip stream), before PGlite is asked to unpack them. */
export function looksLikeDump(bytes: Uint8Array): boolean {
  return bytes.length > gzipMagic.length && gzipMagic.every((b, i) => bytes[i] === b);
}

/**
 * Reads a dump through to its end, so a truncated or damaged file is refused with gzip's own
 * reason (PGlite would stop half-way through unpacking it).
 * @example await checkDumpComplete(fs.createReadStream('backup.tar.gz')); // throws Error('unexpected end of file')
 */
export async function checkDumpComplete(source: Readable): Promise<void> {
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  await pipeline(source, createGunzip(), discard);
}

/**
 * Unpacks a dump into a new database folder (which must not hold one) and lets PostgreSQL start
 * on it once, replaying what the checkpoint left to replay.
 * @example await loadDump('./data/db.restoring', new Blob([bytes]));
 */
export async function loadDump(dbDir: string, tarball: Blob): Promise<void> {
  const pglite = await PGlite.create({ dataDir: dbDir, loadDataDir: tarball });
  await pglite.close();
}

/** Row counts of the tables people care about, to show what a backup or a restore holds. */
export async function databaseSummary(db: Database): Promise<{ practices: number; accounts: number; submissions: number }> {
  const { rows } = await sql<{ practices: number; accounts: number; submissions: number }>`
    select (select count(*) from practices)::int as practices,
           (select count(*) from users)::int as accounts,
           (select count(*) from submissions)::int as submissions`.execute(db);
  return rows[0];
}
