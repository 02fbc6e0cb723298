import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { exportPractices } from '../src/practices/export/export.service.ts';
import { importPractices } from '../src/practices/import/import-practices.command.ts';
import { findPublishedPractice, upsertPractice } from '../src/practices/practice.repo.ts';
import { practiceRecordSchema } from '../src/practices/practice.schema.ts';
import { parseSearchParams } from '../src/search/search.params.ts';
import { practiceFields } from './support/practice-record.ts';
import { createTestDatabase, type Engine, testEngines } from './support/test-db.ts';

/** A valid practice; overrides change or add fields. */
function practice(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return practiceFields({
    id: 'turin-housing-desk',
    title: 'Housing desk for newcomers',
    summary: 'A city desk that helps newly arrived migrants find and keep a home.',
    city: 'Turin',
    country: 'IT',
    ...overrides,
  });
}

/** An exchange-format file holding these practices. */
function exchangeFile(practices: unknown[]): string {
  return JSON.stringify({ format: 'clearinghouse.practices', version: 1, license: 'CC-BY-4.0', practices });
}

const importAs = (db: Database, text: string, partial = false) => importPractices(db, text, { author: 'test', source: 'test.json', partial });

async function count(db: Database, table: 'practices' | 'practice_revisions' | 'practice_links'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every stored row a write leaves, without keys and times: practices, revisions, links and cities, in order. */
async function storedRows(db: Database): Promise<unknown[]> {
  const practices = await db.selectFrom('practices').selectAll().orderBy('id').execute();
  const revisions = await db
    .selectFrom('practice_revisions')
    .select(['practice_id', 'record', 'author', 'author_id', 'kind', 'message'])
    .orderBy('practice_id')
    .execute();
  const links = await db.selectFrom('practice_links').selectAll().orderBy('practice_id').orderBy('position').execute();
  const cities = await db.selectFrom('cities').selectAll().orderBy('country').orderBy('slug').execute();
  return [practices.map(({ seq: _seq, created_at: _c, updated_at: _u, ...row }) => row), revisions, links, cities];
}

/** Enough practices for several write batches. */
function bulkPractices(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) =>
    practice({
      id: `bulk-${i}`,
      title: `Bulk practice ${i}`,
      summary: i % 2 ? 'Logement pour les réfugiés.' : 'Housing advice for refugees.',
      language: i % 2 ? 'fr' : 'en',
      body: `Volunteers number ${i} run language cafés.`,
      // Every third has more texts: long fields, partners, a translation, and the characters
      // that need escaping on the way to the server ("quotes", back\slashes, {braces}, commas).
      ...(i % 3 === 0 && {
        challenge: `Waiting lists of ${i} "months", {closed} offices, back\\slashes and commas, too.`,
        outcomes: 'Tenancies kept: 80 %.',
        lead_organization: `Housing "Help" ${i}`,
        partners: [{ name: 'Red Cross' }],
        target_groups: ['refugees'],
        translations: { es: { title: `Práctica ${i}`, summary: 'Vivienda para refugiados.', body: 'Voluntarios dirigen cafés de idiomas.' } },
      }),
    }),
  );
}

async function storedRecord(db: Database, id: string): Promise<unknown> {
  const row = await db.selectFrom('practices').select('record').where('id', '=', id).executeTakeFirst();
  return row?.record;
}

/** Reads a whole export into one string. */
async function exportText(db: Database): Promise<string> {
  const { chunks } = await exportPractices(db, parseSearchParams(new URLSearchParams()).params, {
    format: 'json',
    locale: 'en',
    urlOf: (id) => `http://localhost/practices/${id}`,
  });
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe.each(testEngines())('import on %s', (engine: Engine) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(engine));
  });
  afterAll(async () => drop());
  // One database per engine, emptied before each test, keeps the tests independent and quick.
  beforeEach(async () => {
    await sql`TRUNCATE practices, practice_links, practice_revisions, practice_assessments, cities CASCADE`.execute(db);
  });

  it('writes a multi-batch import exactly as single writes do', async () => {
    // Links to a practice of another batch, and cities shared across batches (first name and coordinates win).
    const many = bulkPractices(600).map((p, i) => ({
      ...p,
      city: ['Turin', 'Lyon', 'Zzyzxville'][i % 3],
      country: ['IT', 'FR', 'US'][i % 3],
      ...(i % 5 === 0 && { adapted_from: [{ id: 'bulk-599', changes: 'Smaller' }] }),
    }));
    const summary = await importAs(db, exchangeFile(many));
    expect(summary).toMatchObject({ created: 600, written: true });
    const imported = await storedRows(db);
    await sql`TRUNCATE practices, practice_links, practice_revisions, practice_assessments, cities CASCADE`.execute(db);
    await db.transaction().execute(async (trx) => {
      for (const p of many) await upsertPractice(trx, practiceRecordSchema.parse(p), { author: 'test', message: 'import test.json' });
    });
    expect(await storedRows(db)).toEqual(imported);
    // A second import of the same file changes nothing.
    expect(await importAs(db, exchangeFile(many))).toMatchObject({ unchanged: 600, created: 0, updated: 0 });
  });

  it('validates the whole file first and reports every error with its JSON path, writing nothing', async () => {
    const file = exchangeFile([
      practice({ id: 'good-one' }),
      practice({ id: 'bad-theme', themes: ['housng'] }),
      practice({ id: 'bad-country', country: 'XX', started: 2020, ended: 2019 }),
      practice({ id: 'good-two' }),
    ]);
    const summary = await importAs(db, file);

    expect(summary.written).toBe(false);
    expect(summary.issues).toEqual([
      { path: 'practices[1].themes[0]', message: 'unknown theme "housng"' },
      { path: 'practices[2].country', message: 'unknown ISO 3166-1 alpha-2 country code "XX"' },
      { path: 'practices[2].ended', message: 'must not be before started' },
    ]);
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 0, failed: 2 });
    expect(await count(db, 'practices')).toBe(0);
    expect(await count(db, 'practice_revisions')).toBe(0);
  });

  it('rejects unknown fields at their own path, so typos surface', async () => {
    const summary = await importAs(db, exchangeFile([practice({ titel: 'typo', partners: [{ name: 'NGO', suport: 'financial' }] })]));
    expect(summary.issues).toEqual([
      { path: 'practices[0].partners[0].suport', message: 'unknown field' },
      { path: 'practices[0].titel', message: 'unknown field' },
    ]);
    expect(await count(db, 'practices')).toBe(0);
  });

  it('says a missing field is required', async () => {
    const { summary: _s, ...noSummary } = practice();
    const summary = await importAs(db, exchangeFile([noSummary, practice({ id: 'no-lon', location: { lat: 45 } })]));
    expect(summary.issues).toEqual([
      { path: 'practices[0].summary', message: 'is required' },
      { path: 'practices[1].location.lon', message: 'is required' },
    ]);
  });

  it('rejects a file that is not an exchange document as a whole', async () => {
    const notJson = await importAs(db, '{"format": ');
    expect(notJson.issues[0].path).toBe('$');
    expect(notJson.issues[0].message).toMatch(/^not valid JSON/);
    expect(notJson.failed).toBe(1);

    const wrong = await importAs(db, JSON.stringify({ format: 'other', version: 1, practices: [], exported: 'today' }));
    expect(wrong.issues.map((i) => i.path)).toEqual(['format', 'exported']);
    expect(await count(db, 'practices')).toBe(0);
  });

  it('reports a duplicate id with both places and writes nothing', async () => {
    const summary = await importAs(db, exchangeFile([practice({ id: 'twice' }), practice({ id: 'other' }), practice({ id: 'twice', title: 'Second copy' })]));
    expect(summary.issues).toEqual([{ path: 'practices[2].id', message: 'duplicate id "twice" (first at practices[0])' }]);
    expect(summary.written).toBe(false);
    expect(await count(db, 'practices')).toBe(0);
  });

  it('with partial, writes the valid records and counts the failed ones', async () => {
    const file = exchangeFile([practice({ id: 'good-one' }), practice({ id: 'bad-one', themes: [] }), practice({ id: 'good-two' })]);
    const summary = await importAs(db, file, true);
    expect(summary).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 1, written: true });
    expect(summary.issues).toEqual([{ path: 'practices[1].themes', message: 'needs at least one theme' }]);
    const ids = await db.selectFrom('practices').select('id').orderBy('id').execute();
    expect(ids.map((r) => r.id)).toEqual(['good-one', 'good-two']);
  });

  it('with partial and no valid record, writes nothing and says so', async () => {
    const summary = await importAs(db, exchangeFile([practice({ themes: [] })]), true);
    expect(summary).toMatchObject({ created: 0, failed: 1, written: false });
    expect(await count(db, 'practices')).toBe(0);
  });

  it('upserts by id: a changed record is updated, as a new revision', async () => {
    await importAs(db, exchangeFile([practice()]));
    const summary = await importAs(db, exchangeFile([practice({ title: 'Housing desk for newcomers and families' })]));
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 0, failed: 0 });
    expect(await count(db, 'practices')).toBe(1);
    expect(await count(db, 'practice_revisions')).toBe(2);
    expect(await storedRecord(db, 'turin-housing-desk')).toMatchObject({ title: 'Housing desk for newcomers and families' });
    const revisions = await db.selectFrom('practice_revisions').select(['author', 'message']).execute();
    expect(revisions).toEqual([
      { author: 'test', message: 'import test.json' },
      { author: 'test', message: 'import test.json' },
    ]);
  });

  it('re-importing the same file changes nothing and adds no revision', async () => {
    const file = exchangeFile([practice({ id: 'one' }), practice({ id: 'two', themes: ['health', 'housing'] })]);
    expect(await importAs(db, file)).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const before = await db.selectFrom('practices').select(['id', 'updated_at']).orderBy('id').execute();

    // Same content with keys in another order is the same record.
    const reordered = exchangeFile([
      Object.fromEntries(Object.entries(practice({ id: 'one' })).reverse()),
      practice({ id: 'two', themes: ['health', 'housing'] }),
    ]);
    expect(await importAs(db, reordered)).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(await count(db, 'practice_revisions')).toBe(2);
    expect(await db.selectFrom('practices').select(['id', 'updated_at']).orderBy('id').execute()).toEqual(before);
  });

  it('keeps an adapted_from link to an unknown id, and resolves it when that practice arrives', async () => {
    const adaptation = practice({
      id: 'malmo-housing-desk',
      city: 'Malmö',
      country: 'SE',
      adapted_from: [{ id: 'turin-housing-desk', changes: 'Run by the housing company instead of the city.' }],
    });
    expect(await importAs(db, exchangeFile([adaptation]))).toMatchObject({ created: 1, failed: 0 });
    const before = await findPublishedPractice(db, 'malmo-housing-desk');
    expect(before?.adapted_from).toEqual([
      { id: 'turin-housing-desk', changes: 'Run by the housing company instead of the city.', title: null, city: null, country: null },
    ]);

    // The original arrives in a later file.
    await importAs(db, exchangeFile([practice()]));
    const after = await findPublishedPractice(db, 'malmo-housing-desk');
    expect(after?.adapted_from[0]).toMatchObject({ id: 'turin-housing-desk', title: 'Housing desk for newcomers', city: 'Turin', country: 'IT' });
    const original = await findPublishedPractice(db, 'turin-housing-desk');
    expect(original?.adapted_by.map((a) => a.id)).toEqual(['malmo-housing-desk']);
  });

  it('reports progress while writing', async () => {
    const seen: [number, number][] = [];
    await importPractices(db, exchangeFile([practice({ id: 'one' }), practice({ id: 'two' })]), {
      author: 'test',
      source: 'test.json',
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('rolls everything back when aborted', async () => {
    const abort = new AbortController();
    const run = importPractices(db, exchangeFile([practice({ id: 'one' }), practice({ id: 'two' })]), {
      author: 'test',
      source: 'test.json',
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(run).rejects.toThrow();
    expect(await count(db, 'practices')).toBe(0);
  });

  it('rolls a multi-batch import back when aborted half-way', async () => {
    const abort = new AbortController();
    const run = importPractices(db, exchangeFile(bulkPractices(600)), {
      author: 'test',
      source: 'test.json',
      signal: abort.signal,
      onProgress: (done) => done === 300 && abort.abort(),
    });
    await expect(run).rejects.toThrow();
    expect(await count(db, 'practices')).toBe(0);
    expect(await count(db, 'practice_revisions')).toBe(0);
  });

  it('export → import into an empty database reproduces the same records', async () => {
    const demo = fs.readFileSync(path.resolve(import.meta.dirname, '../demo/practices.json'), 'utf8');
    expect(await importAs(db, demo)).toMatchObject({ created: 61, failed: 0 });
    const exported = await exportText(db);

    const target = await createTestDatabase(engine);
    try {
      expect(await importAs(target.db, exported)).toMatchObject({ created: 61, updated: 0, unchanged: 0, failed: 0 });
      const original = await db.selectFrom('practices').select(['id', 'record', 'content_hash']).orderBy('id').execute();
      const copy = await target.db.selectFrom('practices').select(['id', 'record', 'content_hash']).orderBy('id').execute();
      expect(copy).toEqual(original);
      // And the copy exports to the very same file.
      expect(await exportText(target.db)).toBe(exported);
      // Importing the export back into the original changes nothing.
      expect(await importAs(db, exported)).toMatchObject({ created: 0, updated: 0, unchanged: 61 });
    } finally {
      await target.drop();
    }
  });
});
