import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { catalogueVersion } from '../src/search/catalogue-version.repo.ts';
import { createDemoDatabase, testEngines } from './support/test-db.ts';

/** The same database handle, counting the statements sent through it; the first answer can be held back a while. */
function counted(db: Database, holdFirstMs = 0): { db: Database; statements: () => number } {
  let n = 0;
  let answered = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: async (args) => {
      if (answered++ === 0 && holdFirstMs > 0) await new Promise((r) => setTimeout(r, holdFirstMs));
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), statements: () => n };
}

/** A write to the catalogue: the database raises the version (migration 0012's trigger). */
const writePractice = (db: Database) => sql`UPDATE practices SET quality = quality WHERE seq = (SELECT min(seq) FROM practices)`.execute(db);

describe.each(testEngines())('catalogue version on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
  });
  afterAll(async () => drop());

  it('answers many requests arriving at once with a couple of reads, all the same version', async () => {
    await writePractice(db);
    const { db: watched, statements } = counted(db);
    const versions = await Promise.all(Array.from({ length: 40 }, () => catalogueVersion(watched)));
    expect(new Set(versions)).toEqual(new Set([await catalogueVersion(db)]));
    expect(statements()).toBeLessThanOrEqual(2);
  });

  it('always sees a write that committed before it asked, even while a read is on its way', async () => {
    const before = await catalogueVersion(db);
    // A read that has left but not come back (its answer held back) when the write commits.
    const { db: watched } = counted(db, 300);
    const earlier = catalogueVersion(watched);
    await new Promise((r) => setTimeout(r, 50));
    await writePractice(db);
    // Asked after the write: it may not share the read that was already on its way.
    const after = await catalogueVersion(watched);
    expect(after).toBe(before + 1);
    expect(await earlier).toBeGreaterThanOrEqual(before);
  });
});
