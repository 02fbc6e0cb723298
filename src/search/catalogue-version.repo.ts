import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

async function readVersion(db: Database): Promise<number> {
  const row = await db.selectFrom('app_state').select(sql<string>`value #>> '{}'`.as('v')).where('key', '=', 'catalogue_version').executeTakeFirst();
  return row ? Number(row.v) : 0;
}

/** Per database handle: the read on its way, and the one the callers arriving meanwhile will share. */
const readers = new WeakMap<Database, { current?: Promise<number>; next?: Promise<number> }>();

/**
 * The current catalogue version (0 before the first write); one primary-key read, shared by
 * concurrent callers. A caller never gets a read that was sent before it asked — so whoever
 * has seen a write commit also sees its version — but every caller arriving while a read is
 * on its way shares the one read sent after it: under load, a handful of reads instead of one per request.
 */
export function catalogueVersion(db: Database): Promise<number> {
  let reader = readers.get(db);
  if (!reader) {
    reader = {};
    readers.set(db, reader);
  }
  const r = reader;
  const start = (): Promise<number> => {
    const read = readVersion(db).finally(() => {
      if (r.current === read) r.current = undefined;
    });
    r.current = read;
    return read;
  };
  if (!r.current) return start();
  r.next ??= r.current
    .catch(() => undefined)
    .then(() => {
      r.next = undefined;
      return start();
    });
  return r.next;
}
