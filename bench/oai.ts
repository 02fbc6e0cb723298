/**
 * OAI-PMH harvest speed: ListRecords over the whole catalogue, following resumption tokens to
 * the end as a harvester does, through the real app in process (routes, SQL, XML, streaming).
 * Prints records per second, pages, the time of the slowest page, and memory: peak RSS, and
 * RSS after the first tenth of the pages against the end (constant memory means they match).
 *
 *   NODE_OPTIONS=--expose-gc npx tsx bench/oai.ts --database-url postgres://postgres@127.0.0.1:5432/bench_oai [--prefix oai_dc|exchange] [--page-size 100]
 *
 * The database must hold the corpus (bench/corpus.ts + bench/import.ts, see docs/performance.md);
 * the app brings its schema up to date first, as a start does.
 */
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createLogger } from '../src/shared/logger.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/bench_100k' },
    prefix: { type: 'string', default: 'oai_dc' },
    'page-size': { type: 'string', default: '100' },
  },
});
const out = (line = '') => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const db = await openDatabase({ kind: 'postgres', url: values['database-url'] as string, poolSize: 4 });
await migrateToLatest(db);
const config = loadConfig({
  PUBLIC_URL: 'https://clearinghouse.example.org',
  LOG_LEVEL: 'silent',
  OAI_PAGE_SIZE: values['page-size'],
  DATABASE_URL: values['database-url'],
});
const app = createApp({ db, config, log: createLogger('silent') });

let query = `verb=ListRecords&metadataPrefix=${values.prefix}`;
let records = 0;
let deleted = 0;
let pages = 0;
let bytes = 0;
let slowestPage = 0;
const rssSamples: number[] = [];
/** Live heap after a full collection, every 100 pages, when node runs with --expose-gc: what a leak would grow. */
const heapSamples: number[] = [];
const gc = (globalThis as { gc?: () => void }).gc;
const started = performance.now();
for (;;) {
  const pageStart = performance.now();
  const res = await app.request(`/oai?${query}`);
  const xml = await res.text();
  slowestPage = Math.max(slowestPage, performance.now() - pageStart);
  bytes += xml.length;
  pages += 1;
  records += xml.split('<record>').length - 1;
  deleted += xml.split('<header status="deleted">').length - 1;
  rssSamples.push(process.memoryUsage().rss);
  if (gc && pages % 100 === 0) {
    gc();
    heapSamples.push(process.memoryUsage().heapUsed);
  }
  const error = /<error code="([^"]+)"/.exec(xml)?.[1];
  if (error) throw new Error(`page ${pages}: ${error}`);
  const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
  if (!token) break;
  query = `verb=ListRecords&resumptionToken=${token}`;
}
const seconds = (performance.now() - started) / 1000;
await db.destroy();

const early = rssSamples[Math.max(0, Math.floor(rssSamples.length / 10) - 1)];
out(`ListRecords ${values.prefix}, page of ${values['page-size']}: ${records} records (${deleted} deleted) in ${pages} pages, ${mb(bytes)} of XML`);
out(`${seconds.toFixed(1)} s: ${Math.round(records / seconds)} records/s, slowest page ${slowestPage.toFixed(0)} ms`);
if (heapSamples.length > 0) out(`live heap after GC every 100 pages: ${heapSamples.map(mb).join(', ')}`);
out(
  `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; RSS after ${Math.floor(rssSamples.length / 10)} pages ${mb(early)}, at the end ${mb(rssSamples[rssSamples.length - 1])}`,
);
