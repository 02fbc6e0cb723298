/**
 * Writes a deterministic synthetic corpus of practices in the exchange format, streamed to a
 * file so 100k records with ~400-word descriptions (≈ 400 MB) never sit in memory at once.
 *
 *   npx tsx bench/corpus.ts 10000                      # → .bench/practices-10000.json
 *   npx tsx bench/corpus.ts 100000 --seed 7 --out x.json
 *   npx tsx bench/corpus.ts 2000 --check               # also validates a sample against the schema
 *   npx tsx bench/corpus.ts 1000000 --part-size 100000 # → .bench/practices-1000000.part0.json … part9 (a file of 4 GB could not be read whole)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { practiceRecordSchema } from '../src/practices/practice.schema.ts';
import { loadPlaces } from './corpus/places.ts';
import { corpusContext, generateRecord, resolveLinks } from './corpus/record.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    seed: { type: 'string', default: '42' },
    check: { type: 'boolean', default: false },
    sample: { type: 'string', default: '2000' },
    'part-size': { type: 'string' },
  },
});
const count = Number(positionals[0] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: npx tsx bench/corpus.ts N [--out FILE] [--seed S] [--check [--sample K]]\n');
  process.exit(2);
}
const seed = Number(values.seed);
const out = path.resolve(values.out ?? `.bench/practices-${count}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });

const started = performance.now();
const ctx = corpusContext(seed, loadPlaces());
const ids: string[] = [];
const sampleEvery = Math.max(1, Math.floor(count / Number(values.sample)));
const stats = { bytes: 0, words: 0, languages: {} as Record<string, number>, translations: 0, links: 0, invalid: 0 };

const partSize = values['part-size'] ? Number(values['part-size']) : count;
const partFile = (part: number) => (partSize >= count ? out : out.replace(/\.json$/, `.part${part}.json`));
let stream = fs.createWriteStream(partFile(0));
let streamError: Error | undefined;
const watch = (s: fs.WriteStream) =>
  s.on('error', (e) => {
    streamError = e;
  });
watch(stream);
/** Writes a chunk, waiting for the file to catch up when its buffer is full. */
const write = (chunk: string) =>
  new Promise<void>((resolve, reject) => {
    if (streamError) return reject(streamError);
    stats.bytes += Buffer.byteLength(chunk);
    if (stream.write(chunk)) resolve();
    else stream.once('drain', () => (streamError ? reject(streamError) : resolve()));
  });

const header = '{"format":"clearinghouse.practices","version":1,"license":"CC0-1.0","practices":[\n';
await write(header);
let buffer = '';
for (let i = 0; i < count; i++) {
  if (i > 0 && i % partSize === 0) {
    // The next part: this one closed, a new file begun (links to earlier parts keep their ids).
    await write(`${buffer}\n]}\n`);
    buffer = '';
    const done = stream;
    await new Promise<void>((resolve, reject) => done.end((err?: Error | null) => (err ? reject(err) : resolve())));
    stream = watch(fs.createWriteStream(partFile(i / partSize)));
    await write(header);
  }
  const rec = generateRecord(ctx, i);
  resolveLinks(rec, (j) => ids[j] as string);
  ids.push(rec.id);
  stats.languages[rec.language] = (stats.languages[rec.language] ?? 0) + 1;
  if (rec.translations) stats.translations++;
  if (rec.adapted_from) stats.links++;
  stats.words += (rec.body ?? '').split(/\s+/).length;
  if (values.check && i % sampleEvery === 0) {
    const parsed = practiceRecordSchema.safeParse(rec);
    if (!parsed.success) {
      stats.invalid++;
      if (stats.invalid <= 10) process.stderr.write(`practices[${i}] (${rec.id}): ${JSON.stringify(parsed.error.issues)}\n`);
    }
  }
  buffer += (i % partSize === 0 ? '' : ',\n') + JSON.stringify(rec);
  if (buffer.length > 1 << 20) {
    await write(buffer);
    buffer = '';
  }
  if (i % 10_000 === 9_999 && process.stderr.isTTY) process.stderr.write(`\r${i + 1} / ${count}`);
}
await write(`${buffer}\n]}\n`);
await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));

if (values.check && new Set(ids).size !== ids.length) {
  stats.invalid++;
  process.stderr.write('duplicate ids in the corpus\n');
}
const seconds = (performance.now() - started) / 1000;
const mb = stats.bytes / 1e6;
process.stdout.write(
  `${count} practices → ${out}\n` +
    `${mb.toFixed(1)} MB, ${(stats.words / count).toFixed(0)} words of body on average, languages ${JSON.stringify(stats.languages)}, ` +
    `${stats.translations} with translations, ${stats.links} with adapted_from, ${seconds.toFixed(1)} s\n` +
    (values.check ? `checked ${Math.ceil(count / sampleEvery)} records against practiceRecordSchema: ${stats.invalid} invalid\n` : ''),
);
if (stats.invalid > 0) process.exit(1);
