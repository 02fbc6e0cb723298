import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { oaiRoutes } from '../src/oai/oai.routes.ts';
import type { OaiSource } from '../src/oai/oai-source.ts';
import { practiceOaiSource } from '../src/oai/practice-source.ts';
import { encodeToken } from '../src/oai/resumption-token.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createDemoDatabase, createTestApp, type Engine, testEngines } from './support/test-db.ts';

const schemasDir = path.resolve(import.meta.dirname, '../src/oai/schemas');
const schemaFile = (name: string) => fs.readFileSync(path.join(schemasDir, name), 'utf8');
/** The shipped schemas, their imports pointed at the copies beside them (the tests have no network). */
const preload = [
  { fileName: 'OAI-PMH.xsd', contents: schemaFile('OAI-PMH.xsd') },
  { fileName: 'oai_dc.xsd', contents: schemaFile('oai_dc.xsd').replace('http://dublincore.org/schemas/xmls/simpledc20021212.xsd', 'simpledc20021212.xsd') },
  { fileName: 'simpledc20021212.xsd', contents: schemaFile('simpledc20021212.xsd').replace('http://www.w3.org/2001/03/xml.xsd', 'xml.xsd') },
  { fileName: 'xml.xsd', contents: schemaFile('xml.xsd') },
  { fileName: 'exchange.xsd', contents: schemaFile('exchange.xsd') },
];
/** One schema importing the protocol's and both formats', so records' metadata is checked strictly too. */
const driver = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/" schemaLocation="OAI-PMH.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/" schemaLocation="oai_dc.xsd"/>
  <xs:import namespace="urn:clearinghouse:exchange:1" schemaLocation="exchange.xsd"/>
</xs:schema>`;

/** Validates a response against the official OAI-PMH, oai_dc and simple DC schemas (libxml2) and the exchange schema. */
async function expectValid(xml: string) {
  const result = await validateXML({ xml: { fileName: 'response.xml', contents: xml }, schema: { fileName: 'driver.xsd', contents: driver }, preload });
  expect(
    result.errors.map((e) => e.rawMessage),
    xml.slice(0, 2000),
  ).toEqual([]);
  expect(result.valid).toBe(true);
}

const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
const errorCode = (xml: string) => /<error code="([^"]+)"/.exec(xml)?.[1];
const tokenOf = (xml: string) => /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const host = 'clearinghouse.example.org';
const identifier = (id: string) => `oai:${host}:practice/${id}`;

describe.each(testEngines())('OAI-PMH on %s', (engine: Engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const oai = async (query: string) => {
    const res = await app.request(`/oai?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    return res.text();
  };

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db, { PUBLIC_URL: `https://${host}`, MAIL_FROM: `Clearinghouse <oai@${host}>`, OAI_PAGE_SIZE: '25' });
  }, 120_000);
  afterAll(async () => drop());

  it('identifies itself, with persistent deletions at seconds granularity', async () => {
    const xml = await oai('verb=Identify');
    await expectValid(xml);
    expect(all(xml, 'baseURL')).toEqual([`https://${host}/oai`]);
    expect(all(xml, 'deletedRecord')).toEqual(['persistent']);
    expect(all(xml, 'granularity')).toEqual(['YYYY-MM-DDThh:mm:ssZ']);
    expect(all(xml, 'adminEmail')).toEqual([`oai@${host}`]);
  });

  it('lists both metadata formats and the sets of themes, regions and kinds', async () => {
    const formats = await oai(`verb=ListMetadataFormats&identifier=${encodeURIComponent(identifier('athens-curing-the-limbo'))}`);
    await expectValid(formats);
    expect(all(formats, 'metadataPrefix')).toEqual(['oai_dc', 'exchange']);
    expect(all(formats, 'schema')).toContain(`https://${host}/oai/exchange.xsd`);
    const sets = await oai('verb=ListSets');
    await expectValid(sets);
    expect(all(sets, 'setSpec')).toEqual(expect.arrayContaining(['theme:housing', 'region:150', 'region:039', 'type:practice']));
    const xsd = await app.request('/oai/exchange.xsd');
    expect(await xsd.text()).toContain('targetNamespace="urn:clearinghouse:exchange:1"');
  });

  it('gives a record in Dublin Core and as the exchange export writes it', async () => {
    const id = 'athens-curing-the-limbo';
    const dc = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(identifier(id))}`);
    await expectValid(dc);
    expect(all(dc, 'dc:identifier')).toEqual([`https://${host}/practices/${id}`]);
    const exchange = await oai(`verb=GetRecord&metadataPrefix=exchange&identifier=${encodeURIComponent(identifier(id))}`);
    await expectValid(exchange);
    const text = unescapeXml(all(exchange, 'exchange:record')[0]);
    const exported = await (await app.request(`/practices/export.json`)).text();
    const line = exported
      .split('\n')
      .find((l) => l.startsWith(`{"id":"${id}"`))
      ?.replace(/,$/, '');
    expect(text).toBe(line);
  });

  it('pages with resumption tokens that survive a write between pages: nothing lost, nothing repeated', async () => {
    const seen: string[] = [];
    let xml = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
    await expectValid(xml);
    seen.push(...all(xml, 'identifier'));
    expect(seen).toHaveLength(25);
    // Between two pages: a practice not yet listed changes, and a new one arrives.
    const ids = (await db.selectFrom('practices').select('id').orderBy('id').execute()).map((r) => r.id);
    const later = ids.find((i) => !seen.includes(identifier(i))) as string;
    const stored = await db.selectFrom('practices').select('record').where('id', '=', later).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await upsertPractice(
        trx,
        { ...(stored.record as ReturnType<typeof practiceRecord>), summary: 'Changed during a harvest.' },
        { author: 'test', message: 'oai' },
      );
      await upsertPractice(trx, practiceRecord({ id: 'aaa-arrived-during-harvest' }), { author: 'test', message: 'oai' });
    });
    for (let token = tokenOf(xml); token; token = tokenOf(xml)) {
      xml = await oai(`verb=ListIdentifiers&resumptionToken=${token}`);
      seen.push(...all(xml, 'identifier'));
    }
    expect(xml).toContain('<resumptionToken/>');
    expect(new Set(seen).size).toBe(seen.length);
    // Resources are listed in Dublin Core too, among the practices by datestamp.
    const resources = (await db.selectFrom('resources').select('slug').execute()).map((r) => `oai:${host}:resource/${r.slug}`);
    expect(resources.length).toBeGreaterThan(5);
    expect([...seen].sort()).toEqual([...[...ids, 'aaa-arrived-during-harvest'].map(identifier), ...resources].sort());
  });

  it('disseminates resources in Dublin Core only, in the sets type:resource, their themes and regions', async () => {
    const { slug } = await db.selectFrom('resources').select('slug').where(sql<boolean>`regions @> ARRAY['150']`).orderBy('slug').executeTakeFirstOrThrow();
    const id = encodeURIComponent(`oai:${host}:resource/${slug}`);
    const listed = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:resource');
    await expectValid(listed);
    expect(all(listed, 'identifier')).toContain(`oai:${host}:resource/${slug}`);
    expect(all(listed, 'identifier').every((i) => i.startsWith(`oai:${host}:resource/`))).toBe(true);
    const europe = all(await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=region:150'), 'identifier');
    expect(europe).toContain(`oai:${host}:resource/${slug}`);

    const record = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id}`);
    await expectValid(record);
    expect(all(record, 'dc:identifier')).toContain(`https://${host}/resources/${slug}`);
    expect(all(record, 'setSpec')).toEqual(expect.arrayContaining(['region:150', 'type:resource']));
    expect(all(await oai(`verb=ListMetadataFormats&identifier=${id}`), 'metadataPrefix')).toEqual(['oai_dc']);
    // The exchange format is the practices': a harvester of it never meets a resource.
    expect(errorCode(await oai(`verb=GetRecord&metadataPrefix=exchange&identifier=${id}`))).toBe('cannotDisseminateFormat');
    expect(errorCode(await oai('verb=ListIdentifiers&metadataPrefix=exchange&set=type:resource'))).toBe('noRecordsMatch');
    expect(await oai('verb=ListRecords&metadataPrefix=exchange&set=region:150')).not.toContain(':resource/');
  });

  it('selects by from and until, at day and seconds granularity', async () => {
    const stamps = all(await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=theme:housing'), 'datestamp').sort();
    const newest = stamps[stamps.length - 1];
    const xml = await oai(`verb=ListRecords&metadataPrefix=oai_dc&set=theme:housing&from=${newest}&until=${newest}`);
    await expectValid(xml);
    expect(all(xml, 'datestamp').every((d) => d === newest)).toBe(true);
    const day = await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=theme:housing&from=${newest.slice(0, 10)}&until=${newest.slice(0, 10)}`);
    expect(all(day, 'identifier').length).toBeGreaterThanOrEqual(all(xml, 'identifier').length);
    expect(errorCode(await oai('verb=ListRecords&metadataPrefix=oai_dc&until=2001-01-01'))).toBe('noRecordsMatch');
    expect(errorCode(await oai('verb=ListRecords&metadataPrefix=oai_dc&from=2001-01-01&until=2030-01-01T00:00:00Z'))).toBe('badArgument');
    expect(errorCode(await oai('verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-02&until=2030-01-01'))).toBe('badArgument');
    expect(errorCode(await oai('verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-30'))).toBe('badArgument');
  });

  it('reports a deleted practice as a deleted record, in its sets', async () => {
    const id = 'aaa-arrived-during-harvest';
    await db.deleteFrom('practices').where('id', '=', id).execute();
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(identifier(id))}`);
    await expectValid(xml);
    expect(xml).toContain('<header status="deleted">');
    expect(xml).not.toContain('<metadata>');
    const listed = await oai('verb=ListRecords&metadataPrefix=exchange&set=theme:housing&from=2020-01-01');
    await expectValid(listed);
    expect(listed).toContain(`<header status="deleted"><identifier>${identifier(id)}</identifier>`);
  });

  it('answers every protocol error with its code, and takes form-encoded POSTs', async () => {
    const cases: [string, string][] = [
      ['', 'badVerb'],
      ['verb=Harvest', 'badVerb'],
      ['verb=Identify&verb=Identify', 'badVerb'],
      ['verb=Identify&extra=1', 'badArgument'],
      ['verb=ListRecords', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=exchange', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc', 'badArgument'],
      ['verb=ListRecords&resumptionToken=not-a-token', 'badResumptionToken'],
      ['verb=ListSets&resumptionToken=abc', 'badResumptionToken'],
      ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
      [`verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(identifier('no-such-practice'))}`, 'idDoesNotExist'],
      ['verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:practice/x', 'idDoesNotExist'],
      ['verb=ListRecords&metadataPrefix=oai_dc&set=theme:no-such-theme', 'noRecordsMatch'],
    ];
    for (const [query, code] of cases) {
      const xml = await oai(query);
      expect(errorCode(xml), query).toBe(code);
      await expectValid(xml);
    }
    const expired = encodeToken({
      v: 1,
      verb: 'ListRecords',
      metadataPrefix: 'oai_dc',
      after: { stamp: '2024-01-01T00:00:00.000000Z', kind: 'practice', id: 'a' },
      issued: Date.now() - 2 * 86_400_000,
    });
    expect(errorCode(await oai(`verb=ListRecords&resumptionToken=${expired}`))).toBe('badResumptionToken');

    const posted = await app.request('/oai', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=region:150',
    });
    const xml = await posted.text();
    expect(posted.status).toBe(200);
    expect(all(xml, 'identifier').length).toBeGreaterThan(5);
  });

  it('says noMetadataFormats for an item of a kind plugged in without formats', async () => {
    const config = loadConfig({ PUBLIC_URL: `https://${host}`, MAIL_FROM: `oai@${host}`, LOG_LEVEL: 'silent' });
    const practices = practiceOaiSource(db, (id) => `https://${host}/practices/${id}`);
    const bare: OaiSource = { ...practices, kind: 'bare', formats: [] };
    const small = new Hono().route('/', oaiRoutes({ config }, [practices, bare]));
    const xml = await (
      await small.request(`/oai?verb=ListMetadataFormats&identifier=${encodeURIComponent(`oai:${host}:bare/athens-curing-the-limbo`)}`)
    ).text();
    expect(errorCode(xml)).toBe('noMetadataFormats');
    await expectValid(xml);
  });
});
