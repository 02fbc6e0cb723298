import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { type CatalogueSnapshot, catalogueFigures, currentSnapshot } from '../src/search/catalogue-snapshot.ts';
import { catalogueVersion } from '../src/search/catalogue-version.repo.ts';
import { filterAndCount } from '../src/search/facet-engine.ts';
import { facetParams } from '../src/search/facets.ts';
import { parseSearchParams } from '../src/search/search.params.ts';
import { buildSnapshot } from '../src/search/snapshot-build.ts';
import { changedSince, snapshotRows } from '../src/search/snapshot-rows.repo.ts';
import { createDemoDatabase, testEngines } from './support/test-db.ts';

/** What a reader of a snapshot can observe, by practice id rather than by slot. */
function observable(snap: CatalogueSnapshot) {
  const ids = (rows: ArrayLike<number>) => Array.from(rows, (i) => snap.ids[i]);
  const facets = Object.fromEntries(
    facetParams.map((f) => {
      const col = snap.facets[f];
      const byValue = col.values
        .map((value, code) => ({ value, label: col.labels[code], ids: ids(col.rowsOf[code]).sort() }))
        .filter((v) => v.ids.length > 0)
        .sort((a, b) => (a.value < b.value ? -1 : 1));
      return [f, byValue];
    }),
  );
  return { count: snap.count, all: ids(snap.allRows), newest: ids(snap.newestOrder), title: ids(snap.titleOrder), facets };
}

/** A copy of a stored practice under a new id: a new row, so a new seq at the end. */
async function copyPractice(db: Database, fromId: string, newId: string): Promise<void> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_name = 'practices' AND table_schema = current_schema() AND column_name NOT IN ('id', 'seq')`.execute(db);
  const columns = sql.join(rows.map((r) => sql.ref(r.column_name)));
  await sql`INSERT INTO practices (id, ${columns}) SELECT ${newId}, ${columns} FROM practices WHERE id = ${fromId}`.execute(db);
}

describe.each(testEngines())('catalogue snapshot on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
  });
  afterAll(async () => drop());

  it('raises the version and logs the changed practices on every write to practices, and only then', async () => {
    const before = await catalogueVersion(db);
    const { rows } = await sql<{ seq: number }>`SELECT seq FROM practices ORDER BY seq LIMIT 2`.execute(db);
    await sql`UPDATE practices SET quality = quality WHERE seq = ANY(${rows.map((r) => r.seq)}::int[])`.execute(db);
    const after = await catalogueVersion(db);
    expect(after).toBe(before + 1);
    expect((await changedSince(db, before, after))?.sort()).toEqual(rows.map((r) => r.seq).sort());
    // A statement that changes no practice leaves the version alone.
    await sql`UPDATE practices SET quality = 0 WHERE id = 'no-such-practice'`.execute(db);
    expect(await catalogueVersion(db)).toBe(after);
    // A range the log does not fully cover is refused, so the reader loads everything.
    expect(await changedSince(db, -5, after)).toBeNull();
  });

  it('patches the snapshot after writes into exactly the snapshot a fresh read gives', async () => {
    const start = await currentSnapshot(db);
    const [a, b, c, d, e] = start.ids.slice(2, 7);
    await sql`UPDATE practices SET themes = array['housing', 'health'] WHERE id = ${a}`.execute(db);
    await sql`UPDATE practices SET title = ${'Ábaco: a first title'} WHERE id = ${b}`.execute(db);
    await sql`UPDATE practices SET target_groups = array['a target group no record had'], started = 2001 WHERE id = ${c}`.execute(db);
    await sql`DELETE FROM practices WHERE id = ${d}`.execute(db);
    await copyPractice(db, e, 'snapshot-test-copy');
    await sql`UPDATE practices SET created_at = now() + interval '1 day', country = 'PT', city = 'Braga', city_slug = 'braga' WHERE id = 'snapshot-test-copy'`.execute(
      db,
    );

    const patched = await currentSnapshot(db);
    expect(patched.delta?.fromVersion).toBe(start.version);
    expect(patched.count).toBe(start.count);
    const fresh = buildSnapshot(await snapshotRows(db), patched.version);
    expect(observable(patched)).toEqual(observable(fresh));
    expect(observable(patched).newest[0]).toBe('snapshot-test-copy');
    // The engine answers the same on both: counts, order of facet values, passing practices.
    for (const qs of ['', 'theme=housing', 'theme=health&country=PT', 'target=a+target+group+no+record+had', 'from=2000&to=2002', 'city=pt-braga']) {
      const params = parseSearchParams(new URLSearchParams(qs)).params;
      const onPatched = filterAndCount(patched, params, null);
      const onFresh = filterAndCount(fresh, params, null);
      expect(onPatched.facetRows, qs).toEqual(onFresh.facetRows);
      expect(
        Array.from(onPatched.passing, (i) => patched.ids[i]),
        qs,
      ).toEqual(Array.from(onFresh.passing, (i) => fresh.ids[i]));
    }
  });

  it('appends publications and shares unchanged columns, leaving earlier snapshots as they were', async () => {
    const before = await currentSnapshot(db);
    const seenBefore = observable(before);
    const housing = parseSearchParams(new URLSearchParams('theme=housing')).params;
    const countsBefore = filterAndCount(before, housing, null).facetRows;
    // A publication: only a new row, written past the end of buffers the earlier snapshot shares.
    await copyPractice(db, before.ids[0], 'snapshot-test-second-copy');
    const appended = await currentSnapshot(db);
    expect(appended.count).toBe(before.count + 1);
    expect(observable(appended)).toEqual(observable(buildSnapshot(await snapshotRows(db), appended.version)));
    // An edit of texts only: every facet column is the same object as before.
    await sql`UPDATE practices SET title = ${'A title edited, nothing else'} WHERE id = 'snapshot-test-second-copy'`.execute(db);
    const edited = await currentSnapshot(db);
    for (const f of facetParams) expect(edited.facets[f]).toBe(appended.facets[f]);
    expect(observable(edited)).toEqual(observable(buildSnapshot(await snapshotRows(db), edited.version)));
    // Two more publications in a row; the first snapshot still answers as it did.
    await copyPractice(db, before.ids[1], 'snapshot-test-third-copy');
    await currentSnapshot(db);
    await copyPractice(db, before.ids[2], 'snapshot-test-fourth-copy');
    const last = await currentSnapshot(db);
    expect(observable(last)).toEqual(observable(buildSnapshot(await snapshotRows(db), last.version)));
    expect(observable(before)).toEqual(seenBefore);
    expect(filterAndCount(before, housing, null).facetRows).toEqual(countsBefore);
  });

  it("counts the home page's figures as SQL does, after writes too", async () => {
    const { rows } = await sql<{ practices: number; cities: number; countries: number }>`
      SELECT count(*)::int AS practices, count(DISTINCT (country, city_slug)) FILTER (WHERE city_slug IS NOT NULL)::int AS cities,
        count(DISTINCT country)::int AS countries FROM practices`.execute(db);
    const themes = await sql<{ theme: string; n: number }>`SELECT theme, count(*)::int AS n FROM practices, unnest(themes) AS theme GROUP BY theme`.execute(db);
    expect(catalogueFigures(await currentSnapshot(db))).toEqual({ ...rows[0], byTheme: Object.fromEntries(themes.rows.map((r) => [r.theme, r.n])) });
    expect(rows[0].cities).toBeGreaterThan(10);
  });

  it('reads the catalogue whole when the change log cannot say what changed', async () => {
    const start = await currentSnapshot(db);
    // A version raised by hand, with no practice logged under it.
    await sql`UPDATE app_state SET value = to_jsonb((value #>> '{}')::bigint + 1) WHERE key = 'catalogue_version'`.execute(db);
    const next = await currentSnapshot(db);
    expect(next.version).toBe(start.version + 1);
    expect(next.delta).toBeUndefined();
    expect(observable(next)).toEqual(observable(start));
  });
});
